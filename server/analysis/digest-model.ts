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
  /** Lists may be cut short (a last "and N more" entry); the counts are the full numbers. */
  fired: DigestWarning[];
  recovered: DigestWarning[];
  counts: { fired: number; recovered: number };
  families: { title: string; link: string; spark: DigestSpark | null; observations: DigestObservation[] }[];
  stale: { title: string; lastObservedAt: string; cadenceDays: number; link: string }[];
  /** Chart annotations added or corrected in the period (absent: none). */
  annotations?: DigestAnnotation[];
}

/** Placeholder replaced per recipient when sending (the archive shows the settings page instead). */
export const UNSUBSCRIBE_PLACEHOLDER = '%%UNSUBSCRIBE_URL%%';

export function leadingOf(scenarios: DigestScenario[]): DigestScenario | null {
  return scenarios.reduce<DigestScenario | null>((best, s) => (!best || s.probability > best.probability ? s : best), null);
}
