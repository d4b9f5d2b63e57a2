import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/** A lock older than this is taken over whoever holds it: a report run is over in minutes. */
export const STATE_LOCK_STALE_MS = 60 * 60 * 1000;

/** What a lock file holds: who took it and when. */
interface LockOwner {
  pid: number;
  host: string;
  started_at: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; held: true; message: string } | { ok: false; held: false; error: unknown };

/** The lock file of a state file. */
export function lockFileOf(stateFile: string): string {
  return `${stateFile}.lock`;
}

/**
 * Takes the lock of a state file: `STATE.lock`, created with O_EXCL so of two runs only one can create
 * it. It names the holder (pid, host, start time). A lock whose process is gone (same host) or that is
 * older than STATE_LOCK_STALE_MS is stale and taken over. The caller releases it when done.
 */
export function acquireStateLock(stateFile: string, now: () => Date = () => new Date()): LockResult {
  const file = lockFileOf(stateFile);
  const me: LockOwner = { pid: process.pid, host: hostname(), started_at: now().toISOString() };
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    return { ok: false, held: false, error: err };
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return { ok: true, release: () => rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, held: false, error: err };
    }
    const text = readText(file);
    if (text === undefined) continue; // released between our two calls: try again
    const owner = parseOwner(text);
    if (owner ? !isStale(owner, now()) : !unreadableLockIsStale(file, now())) {
      const who = owner ? `pid ${owner.pid} on ${owner.host} since ${owner.started_at}` : 'a run whose lock file is unreadable';
      return {
        ok: false,
        held: true,
        message: `${stateFile} is in use by another creator-desk report (${who}); nothing was written. Run again when it has finished — or, if no such run exists, delete ${file}`,
      };
    }
    // Move the stale lock aside, then remove it only if it is still the one judged stale: another run may
    // have replaced it meanwhile, and that one must be put back.
    const aside = `${file}.stale.${process.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readText(aside) !== text) {
      try {
        renameSync(aside, file);
      } catch {
        // nothing more can be done safely; the next run sees whichever lock is in place
      }
      continue;
    }
    rmSync(aside, { force: true });
  }
  return { ok: false, held: true, message: `${stateFile} is in use by another creator-desk report; nothing was written. Run again when it has finished` };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    return typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.started_at === 'string' ? (v as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

// A lock file that does not parse was left by a run that died between creating and filling it; after a
// minute no live run is still writing it.
function unreadableLockIsStale(file: string, now: Date): boolean {
  try {
    return now.getTime() - statSync(file).mtimeMs > 60_000;
  } catch {
    return true;
  }
}

function isStale(owner: LockOwner, now: Date): boolean {
  const age = now.getTime() - Date.parse(owner.started_at);
  if (!Number.isFinite(age) || age > STATE_LOCK_STALE_MS) return true;
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
