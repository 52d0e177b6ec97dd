import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../server/errors.js';
import { NOW, observationInput, testDb } from '../../support/test-db.js';

describe('observation repository', () => {
  let t: ReturnType<typeof testDb>;
  beforeEach(() => {
    t = testDb();
  });
  afterEach(() => t.dispose());
  const record = (o = observationInput()) => t.store.observations.record(o, { now: NOW, actor: 'officer' });

  it('stores an observation with its source, grade weight and an audit row', () => {
    const stored = record();
    expect(stored).toMatchObject({
      indicatorId: 'salaries',
      level: 3,
      reliability: 'B',
      credibility: 2,
      weight: 0.64,
      supersedes: null,
      supersededBy: null
    });
    expect(stored.source).toMatchObject({ title: 'Field report', url: 'https://example.org/report' });
    expect(t.store.audit.count()).toBeGreaterThanOrEqual(1);
  });

  it('reuses a source record for the same title and address', () => {
    expect(record().source.id).toBe(record().source.id);
  });

  it('refuses to update or delete an observation: the table is append-only', () => {
    const { id } = record();
    expect(() => t.db.prepare('UPDATE observations SET level = 5 WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM observations WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('a correction supersedes the original, which stays in history but leaves the series', () => {
    const original = record(observationInput({ level: 2 }));
    const correction = record(observationInput({ level: 4, supersedes: original.id }));
    const history = t.store.observations.listByIndicator('salaries');
    expect(history.map((o) => [o.id, o.supersededBy])).toEqual([
      [correction.id, null],
      [original.id, correction.id]
    ]);
    expect(t.store.observations.activeReadings('salaries').map((r) => r.level)).toEqual([4]);
  });

  it.each([
    ['an unknown indicator', observationInput({ indicatorId: 'nope' }), 400, 'indicatorId'],
    ['a date in the future', observationInput({ observedAt: '2024-02-02' }), 400, 'observedAt'],
    ['a correction of nothing', observationInput({ supersedes: 999 }), 400, 'supersedes']
  ])('refuses %s, naming the field, and writes nothing', (_what, input, status, path) => {
    const before = t.store.audit.count();
    expect(() => record(input)).toThrow(expect.objectContaining({ statusCode: status, path }));
    expect(t.store.observations.total()).toBe(0);
    expect(t.store.audit.count()).toBe(before);
  });

  it('refuses a second correction of the same observation, and one across indicators', () => {
    const original = record();
    record(observationInput({ supersedes: original.id }));
    expect(() => record(observationInput({ supersedes: original.id }))).toThrow(
      expect.objectContaining({ statusCode: 409 })
    );
    expect(() => record(observationInput({ indicatorId: 'attacks', supersedes: original.id }))).toThrow(InputError);
  });

  it('recordAll writes all or nothing', () => {
    expect(() =>
      t.store.observations.recordAll([observationInput(), observationInput({ indicatorId: 'nope' })], {
        now: NOW,
        actor: 'demo'
      })
    ).toThrow(InputError);
    expect(t.store.observations.total()).toBe(0);
  });
});
