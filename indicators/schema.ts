// The shape of a watch topic's catalogue files. A topic is one folder under indicators/:
//   topic.yaml            what is watched and the documents the catalogue draws on
//   families/*.yaml       one family a file, with its indicators
//   scenarios.yaml        the ways the future may unfold
//   demo-observations.yaml (optional) dated readings drawn from the documents
// Cross-file rules (every indicator has a band for every scenario, ids unique, …) live in
// server/catalogue/check-catalogue.ts; this file checks each file on its own.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as "fighter-salaries"');
const prose = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const level = z.number().int().min(1).max(5);

/** Where a catalogue entry comes from: a document of the topic, its section, our paraphrase. */
export const ProvenanceFile = z.object({
  document: z.string().min(1),
  section: prose(200),
  note: prose(600)
});

export const DocumentFile = z.object({
  file: z.string().min(1),
  title: prose(300),
  publisher: prose(200).optional(),
  published: prose(40).optional(),
  /** How the document reports, used to grade demonstration readings taken from it. */
  character: prose(400).optional()
});

/** What level 1 and level 5 mean for this topic, e.g. low "against resurgence", high "toward resurgence". */
export const ScaleFile = z.object({ low: prose(60), high: prose(60) }).strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** How far ahead the scenarios look: each describes where things stand by `until`. */
export const HorizonFile = z.object({ until: isoDate, statement: prose(600) }).strict();

/**
 * One dimension along which the scenarios differ. Scenarios sit at one value of every axis
 * (`position`); no two share a position, so they exclude each other, and together they cover
 * every combination the axes' notes call possible, so they exhaust the futures.
 */
export const AxisFile = z
  .object({
    id: slug,
    title: prose(200),
    question: prose(600),
    note: prose(600).optional(),
    values: z.array(z.object({ id: slug, meaning: prose(600) }).strict()).min(2)
  })
  .strict();

/** A question the watch answers beside the scenarios rather than as one of them (e.g. where IS-K strikes). */
export const SeparateQuestionFile = z.object({ id: slug, question: prose(400), why: prose(1000) }).strict();

export const TopicFile = z
  .object({
    id: slug,
    title: prose(200),
    description: prose(2000),
    horizon: HorizonFile,
    axes: z.array(AxisFile).min(1),
    separateQuestions: z.array(SeparateQuestionFile).optional(),
    documents: z.array(DocumentFile).min(1),
    scale: ScaleFile.default({ low: 'lowest', high: 'highest' }),
    /** Evidence counts half after this many days in the scenario assessment (README, Method: The assessment). */
    halfLifeDays: z.number().gt(0).max(3650),
    /** Why that half-life, from the documents. */
    halfLifeReason: prose(1000),
    /** The date from which evidence bears on the scenarios; older readings stay on the charts. */
    assessFrom: isoDate,
    /** The earliest date a reading may refer to: an earlier observedAt is refused as a typo. */
    observableFrom: isoDate
  })
  .refine((t) => t.observableFrom <= t.assessFrom, {
    message: 'must not be after assessFrom',
    path: ['observableFrom']
  });

/** A band [lo, hi] of levels expected under a scenario. */
export const BandFile = z
  .tuple([level, level])
  .refine(([lo, hi]) => lo <= hi, 'lower bound must not exceed the upper bound');

export const IndicatorFile = z
  .object({
    id: slug,
    title: prose(200),
    lookFor: prose(1000),
    /** Anchors for levels 1..5 in order: 1 strongly against resurgence, 3 baseline, 5 strongly toward. */
    levels: z.array(prose(300)).length(5),
    quantity: z.object({ unit: prose(60), label: prose(120) }).optional(),
    cadenceDays: z.number().int().min(1).max(730),
    thresholds: z.object({ fire: level, recover: level }).refine((t) => t.recover < t.fire, {
      message: 'recover must be below fire',
      path: ['recover']
    }),
    provenance: z.array(ProvenanceFile).min(1),
    bands: z.record(slug, BandFile)
  })
  .strict();

export const FamilyFile = z
  .object({
    id: slug,
    title: prose(200),
    description: prose(1000),
    provenance: z.array(ProvenanceFile).min(1),
    indicators: z.array(IndicatorFile).min(1)
  })
  .strict();

export const ScenarioFile = z
  .object({
    id: slug,
    title: prose(200),
    summary: prose(240),
    narrative: prose(4000),
    /** The scenario's value on every axis of the topic, e.g. { strength: resurgence, engine: ttp-alliance }. */
    position: z.record(slug, slug),
    prior: z.number().gt(0).lt(1),
    /** Why the prior is what it is, from the documents. */
    priorRationale: prose(1200),
    /** What this scenario excludes: the futures that cannot hold together with it. */
    rulesOut: z.array(prose(400)).min(1),
    signposts: z.array(prose(400)).min(1),
    provenance: z.array(ProvenanceFile).min(1)
  })
  .strict();

export const ScenariosFile = z.object({ scenarios: z.array(ScenarioFile).min(2) }).strict();

export const DemoObservationFile = z
  .object({
    indicator: slug,
    observedAt: isoDate,
    level,
    quantity: z.number().optional(),
    document: z.string().min(1),
    section: prose(200),
    reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
    credibility: z.number().int().min(1).max(6),
    rationale: prose(2000)
  })
  .strict();

export const DemoObservationsFile = z.object({ observations: z.array(DemoObservationFile) }).strict();

export type TopicFile = z.infer<typeof TopicFile>;
export type FamilyFile = z.infer<typeof FamilyFile>;
export type IndicatorFile = z.infer<typeof IndicatorFile>;
export type ScenarioFile = z.infer<typeof ScenarioFile>;
export type DemoObservationFile = z.infer<typeof DemoObservationFile>;
export type ProvenanceFile = z.infer<typeof ProvenanceFile>;
