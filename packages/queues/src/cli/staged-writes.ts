import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** An output that could not be written: the path the user gave (or its directory) and why, in words. */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a file is in the way of a directory',
  ENOENT: 'the directory does not exist',
  ENAMETOOLONG: 'the name is too long',
};

/** The reason an I/O error gives, in words (no stack, no temp-file names). */
export function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? (code ? code : 'unknown error');
}

/** A file written in full and flushed to disk under a temporary name, waiting to be renamed into place. */
interface Staged {
  target: string;
  tmp: string;
}

/**
 * Writes several outputs all-or-nothing: each is staged (written to a temp file beside its target and
 * fsynced) first; only when every one is staged are they renamed into place, in the order given, and
 * their directories fsynced. A failure while staging removes the temp files and leaves every target as
 * it was, then throws an OutputError naming the target.
 */
export class StagedWrites {
  private readonly staged: Staged[] = [];

  /** Stages `content` for `target` (its directory is created when missing). */
  stage(target: string, content: string): void {
    const dir = dirname(target);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new OutputError(target, reasonOf(err));
    }
    if (isDirectory(target)) throw new OutputError(target, 'it is a directory');
    const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let fd: number | undefined;
    try {
      fd = openSync(tmp, 'wx');
      writeSync(fd, content);
      fsyncSync(fd);
    } catch (err) {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
      throw new OutputError(target, reasonOf(err));
    }
    closeSync(fd);
    this.staged.push({ target, tmp });
  }

  /** Renames every staged file into place, in order, and makes the renames durable. */
  commit(): void {
    const dirs = new Set<string>();
    for (const s of this.staged) {
      try {
        renameSync(s.tmp, s.target);
      } catch (err) {
        this.abort();
        throw new OutputError(s.target, reasonOf(err));
      }
      dirs.add(dirname(s.target));
    }
    this.staged.length = 0;
    for (const d of dirs) fsyncDir(d);
  }

  /** Removes every temp file not yet renamed. */
  abort(): void {
    for (const s of this.staged) rmSync(s.tmp, { force: true });
    this.staged.length = 0;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// A rename is durable only once its directory entry is on disk; some file systems refuse to open a
// directory for syncing, and then the rename is as durable as the platform allows.
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort (see above)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
