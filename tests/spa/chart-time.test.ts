// Chart x values: the quick day parser gives the instants date-fns' ISO parser gives, for any day.
import fc from 'fast-check';
import { addDays, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dayAfter, instant } from '../../src/lib/charts/chart-time.js';

const day = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('instant and dayAfter', () => {
  it('agree with parseISO and addDays for every plain day', () => {
    fc.assert(
      fc.property(day, (iso) => {
        expect(instant(iso)).toBe(parseISO(iso).getTime());
        expect(dayAfter(iso)).toBe(addDays(parseISO(iso), 1).getTime());
      })
    );
  });

  it('parse timestamps in full', () => {
    expect(instant('2024-03-01T12:30:00Z')).toBe(Date.UTC(2024, 2, 1, 12, 30));
    expect(dayAfter('2024-03-01T12:30:00Z')).toBe(addDays(parseISO('2024-03-01T12:30:00Z'), 1).getTime());
  });
});
