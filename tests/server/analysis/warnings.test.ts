import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tripwire } from '../../../server/analysis/tripwire.js';
import { evaluateWarnings, type WarningIndicator } from '../../../server/analysis/warnings.js';

const at = (i: number) => `2023-${String(i + 1).padStart(2, '0')}-01`;
const series = (levels: number[]) => levels.map((reading, i) => ({ at: at(i), reading }));

describe('tripwire (hysteresis)', () => {
  it.each([
    [[], 'no data', []],
    [[2, 3, 3], 'normal', []],
    [[3, 4, 3.5, 4, 3.9], 'firing', ['tripwire@2023-02-01']], // wavering above recover: one firing, no flapping
    [[4, 3, 2], 'recovered', ['tripwire@2023-01-01', 'recovery@2023-02-01']],
    [[4, 3, 4.5], 'firing', ['tripwire@2023-01-01', 'recovery@2023-02-01', 'tripwire@2023-03-01']]
  ])('%j → %s', (levels, state, crossings) => {
    const result = tripwire(series(levels as number[]), { fire: 4, recover: 3 });
    expect(result.state).toBe(state);
    expect(result.crossings.map((c) => `${c.kind}@${c.at}`)).toEqual(crossings);
  });

  it('never fires twice without recovering in between', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 5, noNaN: true })), (levels) => {
        const kinds = tripwire(series(levels), { fire: 4, recover: 3 }).crossings.map((c) => c.kind);
        kinds.forEach((k, i) => expect(k).toBe(i % 2 === 0 ? 'tripwire' : 'recovery'));
      })
    );
  });
});

const indicator = (overrides: Partial<WarningIndicator> = {}): WarningIndicator => ({
  id: 'attacks',
  title: 'Attacks',
  thresholds: { fire: 4, recover: 3 },
  cadenceDays: 30,
  readings: series([2, 2, 4]),
  observedDates: ['2023-01-10', '2023-02-08', '2023-03-10'],
  ...overrides
});

describe('evaluateWarnings', () => {
  it('finds tripwires, novelty, staleness gaps and scenario shifts, each with its cause', () => {
    const events = evaluateWarnings({
      today: '2023-06-01',
      indicators: [indicator()],
      // Weeks with evidence only, each with the assessment at its end and seven days before.
      shiftWeeks: [
        { start: '2023-03-06', before: [0.62, 0.38], after: [0.6, 0.4] },
        { start: '2023-03-13', before: [0.6, 0.4], after: [0.4, 0.6] }
      ],
      scenarioIds: ['a', 'b'],
      scenarioTitles: { a: 'Decline', b: 'Resurgence' }
    });
    expect(events.map((e) => e.fingerprint)).toEqual([
      'novelty:attacks:2023-03-01',
      'tripwire:attacks:2023-03-01',
      'shift:leader:2023-03-13',
      'shift:move:a:2023-03-13',
      'shift:move:b:2023-03-13',
      'staleness:attacks:2023-03-10'
    ]);
    expect(events.find((e) => e.kind === 'staleness')).toMatchObject({
      at: '2023-04-09',
      until: null,
      cause: 'Attacks: no observation since 2023-03-10 (cadence 30 days)'
    });
    expect(events.find((e) => e.fingerprint === 'shift:leader:2023-03-13')?.cause).toBe(
      'Leading scenario changed from Decline to Resurgence (60 %, likely)'
    );
  });

  it('is deterministic, so storing an evaluation twice finds nothing new', () => {
    const input = {
      today: '2024-01-01',
      indicators: [indicator()],
      shiftWeeks: [],
      scenarioIds: [],
      scenarioTitles: {}
    };
    expect(evaluateWarnings(input)).toEqual(evaluateWarnings(input));
  });
});
