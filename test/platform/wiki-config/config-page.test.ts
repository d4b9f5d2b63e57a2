import { describe, expect, it } from 'vitest';
import { activeConfigSchema, configPageKeys } from '../../../src/platform/wiki-config/config-page.js';
import { readStored } from '../../../src/platform/stored-json.js';

describe('config page state', () => {
  it('keys live under cd:{name}:', () => {
    expect(configPageKeys('roster')).toEqual({ active: 'cd:roster:active', validation: 'cd:roster:validation', notifiedPrefix: 'cd:roster:notified:' });
  });

  it('a last good config stored by an earlier version (ruleCount) still counts as in force', () => {
    const legacy = JSON.stringify({ revisionId: 'r1', source: '---', ruleCount: 3, storedAt: '2026-01-01T00:00:00Z' });
    expect(readStored(activeConfigSchema, legacy)).toEqual({ revisionId: 'r1', source: '---', entries: 3, storedAt: '2026-01-01T00:00:00Z' });
  });

  it('a damaged value counts as absent', () => {
    expect(readStored(activeConfigSchema, '{"revisionId": 4')).toBeUndefined();
    expect(readStored(activeConfigSchema, JSON.stringify({ revisionId: 'r1' }))).toBeUndefined();
  });
});
