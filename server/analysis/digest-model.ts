// The digest's data, shared by the text and HTML renderings.

export interface DigestScenario {
  id: string;
  title: string;
  probability: number;
  words: string;
}

export interface DigestObservation {
  indicatorTitle: string;
  observedAt: string;
  level: number;
  words: string;
  grade: string;
  source: string;
  rationale: string;
  recordedBy: string | null;
  /** The id of the observation this one corrects. */
  supersedes: number | null;
  link: string;
}

export interface DigestWarning {
  kind: string;
  at: string;
  cause: string;
  link: string;
}

export interface DigestAnnotation {
  /** "2023-11-01" or "2023-09-01 to 2023-09-30". */
  when: string;
  text: string;
  /** Where it is drawn: "all charts", a family's or an indicator's title. */
  scope: string;
  source: string;
  /** The id of the annotation this one corrects. */
  corrects: number | null;
  link: string;
}

export interface DigestSpark {
  /** Content id of the inline image the shell renders from `values`. */
  cid: string;
  label: string;
  /** Readings 1–5 (null: nothing known), oldest first. */
  values: (number | null)[];
}

/** A reading that moved the picture in the latest week with evidence. */
export interface DigestDriver {
  indicatorTitle: string;
  observedAt: string;
  level: number;
  favours: string;
  disfavours: string;
  link: string;
}

export interface DigestInput {
  topicTitle: string;
  appUrl: string;
  /** Since the last digest actually sent (null: the first digest). */
  coversFrom: string | null;
  coversTo: string;
  /** The date the scenario picture is read at (the same assessment the pages show). */
  assessedAt: string;
  now: DigestScenario[];
  weekAgo: DigestScenario[] | null;
  /** Analytic confidence in the picture now, with its reasons (ICD 203). */
  confidence: { level: string; reasons: string[] } | null;
  /** What moved the picture: the seven days up to the latest day with evidence (null: no evidence yet). */
  moved: { weekEnd: string; latest: boolean; drivers: DigestDriver[]; more: number } | null;
  /** Tripwires and shifts fired in the period, in full, newest first (perhaps fewer than counted: the rest are a link away). */
  alerts: DigestWarning[];
  /** Warnings detected in the period, by kind (tripwire, shift, novelty, staleness), and recovered. */
  counts: { fired: Record<string, number>; recovered: number };
  /** Indicators stale today, counted per family. */
  stale: { title: string; link: string; stale: number; of: number }[];
  /** The observations that matter most, by family; `observationCount` is the full number. */
  families: { title: string; link: string; spark: DigestSpark | null; observations: DigestObservation[] }[];
  observationCount: number;
  /** Chart annotations added or corrected in the period (absent: none). */
  annotations?: DigestAnnotation[];
}

/** Placeholder replaced per recipient when sending (the archive shows the settings page instead). */
export const UNSUBSCRIBE_PLACEHOLDER = '%%UNSUBSCRIBE_URL%%';

export function leadingOf(scenarios: DigestScenario[]): DigestScenario | null {
  return scenarios.reduce<DigestScenario | null>(
    (best, s) => (!best || s.probability > best.probability ? s : best),
    null
  );
}

export const totalFired = (d: Pick<DigestInput, 'counts'>) => Object.values(d.counts.fired).reduce((a, n) => a + n, 0);
export const totalStale = (d: Pick<DigestInput, 'stale'>) => d.stale.reduce((a, f) => a + f.stale, 0);
export const alertCount = (d: Pick<DigestInput, 'counts'>) =>
  (d.counts.fired.tripwire ?? 0) + (d.counts.fired.shift ?? 0);
