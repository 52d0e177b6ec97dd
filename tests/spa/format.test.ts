// How quantities and time zones read on every page: as English number formatting and UTC offsets do,
// worked out without building locale formatters (costly on a phone's first screen).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatQuantity, zoneName } from '$lib/format.js';

describe('formatQuantity', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(formatQuantity(11000)).toBe('11,000');
    expect(formatQuantity(2.345)).toBe('2.35');
    expect(formatQuantity(-1234.5)).toBe('-1,234.5');
    expect(formatQuantity(0)).toBe('0');
    expect(formatQuantity(-0.001)).toBe('0');
    expect(formatQuantity(1234567.1)).toBe('1,234,567.1');
  });

  it('reads as English number formatting does, for any amount in hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (hundredths) => {
        const q = hundredths / 100;
        expect(formatQuantity(q)).toBe(q.toLocaleString('en', { maximumFractionDigits: 2 }));
      })
    );
  });
});

describe('zoneName', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each([
    ['UTC', '2024-01-15T12:00:00Z', 'UTC'],
    ['Europe/Paris', '2024-01-15T12:00:00Z', 'UTC+1'],
    ['Europe/Paris', '2024-07-15T12:00:00Z', 'UTC+2'],
    ['Asia/Kolkata', '2024-07-15T12:00:00Z', 'UTC+5:30'],
    ['America/St_Johns', '2024-01-15T12:00:00Z', 'UTC-3:30'],
    ['America/New_York', '2024-01-15T12:00:00Z', 'UTC-5']
  ])('in %s at %s it is %s', (zone, iso, expected) => {
    process.env.TZ = zone;
    expect(zoneName(iso)).toBe(expected);
  });

  it('is empty for a time it cannot read', () => {
    expect(zoneName('not a time')).toBe('');
  });
});
