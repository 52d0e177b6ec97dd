import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByFamily } from '$lib/group-by-family.js';

const row = (family: string, n: number) => ({ family: { id: family, title: family.toUpperCase() }, n });

describe('groupByFamily', () => {
  it('keeps families in the order they first appear, rows in their order', () => {
    expect(groupByFamily([row('b', 1), row('a', 2), row('b', 3)])).toEqual([
      { id: 'b', title: 'B', rows: [row('b', 1), row('b', 3)] },
      { id: 'a', title: 'A', rows: [row('a', 2)] }
    ]);
  });

  it('loses and invents no row (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', 'y', 'z')), (families) => {
        const rows = families.map(row);
        const groups = groupByFamily(rows);
        expect(groups.flatMap((g) => g.rows).sort((a, b) => a.n - b.n)).toEqual(rows);
        expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
      })
    );
  });
});
