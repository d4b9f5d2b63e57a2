import { describe, expect, it } from 'vitest';
import { validateCounterNotice, validateTakedownNotice } from '../../../src/machines/index.js';
import { validCounterNotice, validNotice } from './fixtures.js';

describe('validateTakedownNotice', () => {
  it('accepts a notice with all six elements', () => {
    expect(validateTakedownNotice(validNotice)).toMatchObject({ ok: true, value: { reference: 'DMCA-2026-0042' } });
  });

  it('names exactly the missing elements, in statute order', () => {
    const { signature: _s, goodFaithStatement: _g, ...rest } = validNotice;
    const r = validateTakedownNotice({ ...rest, copyrightedWork: '  ' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing).toEqual(['signature', 'copyrightedWork', 'goodFaithStatement']);
    expect(r.message).toContain('lacks 3 required elements');
    expect(r.message).toContain('§512(c)(3)(A)(i) physical or electronic signature');
    expect(r.message).toContain('§512(c)(3)(A)(v) statement of good-faith belief');
  });

  it('needs a location for the material and a way to reach the complainant', () => {
    const r = validateTakedownNotice({
      ...validNotice,
      infringingMaterial: { description: 'my art', locations: [] },
      contact: { name: 'Jane' },
    });
    expect(r).toMatchObject({
      ok: false,
      missing: ['infringingMaterial', 'contact'],
      issues: [
        { path: 'infringingMaterial.locations', message: 'at least one location (URL or permalink) is needed' },
        { path: 'contact', message: 'an address, telephone number or email is needed' },
      ],
    });
  });

  it('treats a statement set to false as missing', () => {
    expect(validateTakedownNotice({ ...validNotice, accuracyStatement: false })).toMatchObject({ ok: false, missing: ['accuracyStatement'] });
  });

  it('reports a missing reference without calling it a statutory element', () => {
    const { reference: _r, ...rest } = validNotice;
    const r = validateTakedownNotice(rest);
    expect(r).toMatchObject({ ok: false, missing: [], issues: [{ path: 'reference', message: 'the notice reference is missing' }] });
  });

  it('lists all six elements for no notice at all', () => {
    expect(validateTakedownNotice(undefined)).toMatchObject({ ok: false, missing: expect.arrayContaining(['signature', 'accuracyStatement']) });
    const r = validateTakedownNotice(null);
    expect(r.ok ? 0 : r.missing.length).toBe(6);
  });
});

describe('validateCounterNotice', () => {
  it('accepts a complete counter-notice', () => {
    expect(validateCounterNotice(validCounterNotice).ok).toBe(true);
  });

  it('needs consent to jurisdiction, acceptance of service and a telephone number', () => {
    const r = validateCounterNotice({
      ...validCounterNotice,
      subscriber: { name: 'Sam', address: '1 Main St' },
      jurisdictionConsent: false,
      acceptsService: undefined,
    });
    expect(r).toMatchObject({ ok: false, missing: ['subscriber', 'jurisdictionConsent', 'acceptsService'] });
    expect(r.ok ? '' : r.message).toContain('consent to the jurisdiction of a Federal District Court');
  });
});
