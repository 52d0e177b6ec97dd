// Reads of the one assessment (README, Method: The assessment): every view asks here for the state at a date.
import { slotted } from '../analysis/assessment-days.js';
import type { BandRange } from '../analysis/bands.js';
import { EVIDENCE_DISCOUNT } from '../analysis/method.js';
import { countPeriods, type PeriodKind } from '../analysis/periods.js';
import { stateAt, type DayState, type FitModel, type VoteSegment } from '../analysis/scenario-fit.js';
import type { Store } from '../db/store.js';
import { InputError } from '../errors.js';

export interface Window<P extends PeriodKind = PeriodKind> {
  from: string;
  to: string;
  period: P;
}

/** Enough for weekly readings over twenty years; more is a mistake, not a chart. */
export const MAX_PERIODS = 1100;

/**
 * The window a query asks for: from `first` (the first active observation that matters; today
 * when there is none) to today unless given. Refused when inverted or absurdly long, naming `from`.
 */
export function queryWindow<P extends PeriodKind>(
  first: string | null,
  today: string,
  q: { from?: string; to?: string; period: P }
): Window<P> {
  const from = q.from ?? first ?? today;
  const to = q.to ?? [today, from].sort().at(-1)!;
  if (from > to) throw new InputError(400, 'from', `must not be after "to" (${to})`);
  if (countPeriods(from, to, q.period) > MAX_PERIODS) {
    throw new InputError(
      400,
      'from',
      `the range holds more than ${MAX_PERIODS} ${q.period}s; shorten it or use a longer period`
    );
  }
  return { from, to, period: q.period };
}

const DEFAULT_SETTINGS = { halfLifeDays: 180, assessFrom: '1000-01-01', observableFrom: '1000-01-01' };

// Every write and read of the assessment needs the model; the catalogue behind it changes only
// when synchronised, which renews its version (read per call, so another process's sync counts).
const models = new WeakMap<object, { version: string; model: FitModel }>();

/** The assessment's model from the catalogue and topic: scenarios, priors, voting indicators, bands. Shared: never mutate it. */
export function fitModel(store: Store): FitModel {
  const version = store.catalogue.version();
  const cached = models.get(store.catalogue);
  if (cached && cached.version === version) return cached.model;
  const model = readFitModel(store);
  if (version !== null) models.set(store.catalogue, { version, model });
  return model;
}

function readFitModel(store: Store): FitModel {
  const settings = store.catalogue.assessmentSettings() ?? DEFAULT_SETTINGS;
  const scenarios = store.catalogue.listScenarios();
  const scenarioIds = scenarios.map((s) => s.id);
  const priorSum = scenarios.reduce((a, s) => a + s.prior, 0);
  const bandMap = store.catalogue.bandMap();
  const bands: Record<string, BandRange[]> = {};
  for (const [id, byScenario] of Object.entries(bandMap)) {
    if (scenarioIds.every((s) => byScenario[s])) bands[id] = scenarioIds.map((s) => byScenario[s]);
  }
  return {
    scenarioIds,
    priors: scenarios.map((s) => s.prior / priorSum),
    indicatorIds: Object.keys(bands).sort(),
    bands,
    halfLifeDays: settings.halfLifeDays,
    kappa: EVIDENCE_DISCOUNT,
    assessFrom: settings.assessFrom
  };
}

/** Each voting indicator's segment in force at `day`, in model order. */
export function segmentsAt(store: Store, model: FitModel, day: string): (VoteSegment | undefined)[] {
  return slotted(
    store.assessment.segmentsAt(model.indicatorIds, day).filter((s) => s !== undefined),
    model
  );
}

export type SegmentReader = (day: string) => (VoteSegment | undefined)[];

/**
 * segmentsAt for one answer that asks several times: every day on or after the last segment
 * sees the same (latest) segments, so they are read once. Stale as soon as anything is written.
 */
export function segmentReader(store: Store, model: FitModel): SegmentReader {
  const { last } = store.assessment.segmentSpan();
  const read = new Map<string, (VoteSegment | undefined)[]>();
  return (day) => {
    const key = last && day >= last ? '9999-12-31' : day;
    let segments = read.get(key);
    if (!segments) read.set(key, (segments = segmentsAt(store, model, key)));
    return segments;
  };
}

/**
 * The assessment at each of `days`: materialised days are read; days after the last reading
 * are computed from each indicator's latest segment (they only decay); days before the first
 * are the priors. All three are the same function (stateAt), so one date has one number.
 */
export function statesOn(
  store: Store,
  model: FitModel,
  days: readonly string[],
  segments: SegmentReader = (day) => segmentsAt(store, model, day)
): Map<string, DayState> {
  const found = new Map(store.assessment.days([...new Set(days)]).map((d) => [d.day, d as DayState]));
  const { first, last } = store.assessment.segmentSpan();
  let latest: (VoteSegment | undefined)[] | null = null;
  for (const day of days) {
    if (found.has(day)) continue;
    if (first && last && day > last) {
      latest ??= segments('9999-12-31');
      found.set(day, stateAt(day, latest, model));
    } else if (!first || day < first) {
      found.set(day, stateAt(day, [], model));
    } else {
      found.set(day, stateAt(day, segments(day), model)); // not materialised yet: never after a rebuild
    }
  }
  return found;
}

export const stateOn = (store: Store, model: FitModel, day: string, segments?: SegmentReader): DayState =>
  statesOn(store, model, [day], segments).get(day)!;
