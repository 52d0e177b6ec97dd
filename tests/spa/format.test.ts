// How quantities and time zones read on every page: as English number formatting and UTC offsets do,
// worked out without building locale formatters (costly on a phone's first screen).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { format, parseISO } from 'date-fns';
import { formatDate, formatDateTime, formatQuantity, zoneName } from '$lib/format.js';

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
    // Assigning undefined would set the text "undefined".
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
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

describe('formatDate and formatDateTime', () => {
  const day = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const instant = fc.date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });

  it("write any day as date-fns' 'd MMM yyyy' does", () => {
    fc.assert(
      fc.property(day, (iso) => {
        expect(formatDate(iso)).toBe(format(parseISO(iso), 'd MMM yyyy'));
      })
    );
  });

  it("write any timestamp as date-fns' 'd MMM yyyy' and 'd MMM yyyy HH:mm' do, in the reader's zone", () => {
    const original = process.env.TZ;
    process.env.TZ = 'America/St_Johns';
    fc.assert(
      fc.property(instant, (d) => {
        const iso = d.toISOString();
        expect(formatDate(iso)).toBe(format(d, 'd MMM yyyy'));
        expect(formatDateTime(iso)).toBe(format(d, 'd MMM yyyy HH:mm'));
      })
    );
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('give back what is not a date', () => {
    for (const text of ['2024-02-30', '2023-02-29', '2024-13-01', 'soon']) expect(formatDate(text)).toBe(text);
    expect(formatDate('2024-02-29')).toBe('29 Feb 2024');
    expect(formatDateTime('soon')).toBe('soon');
  });
});
