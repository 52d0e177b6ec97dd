// The shape of a watch topic's catalogue files. A topic is one folder under indicators/:
//   topic.yaml            what is watched and the documents the catalogue draws on
//   families/*.yaml       one family a file, with its indicators
//   scenarios.yaml        the ways the future may unfold
//   demo-observations.yaml (optional) dated readings drawn from the documents
// Cross-file rules (every indicator has a band for every scenario, ids unique, …) live in
// server/catalogue/check-catalogue.ts; this file checks each file on its own.
import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as "fighter-salaries"');
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

export const TopicFile = z.object({
  id: slug,
  title: prose(200),
  description: prose(2000),
  documents: z.array(DocumentFile).min(1),
  scale: ScaleFile.default({ low: 'lowest', high: 'highest' })
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
    prior: z.number().gt(0).lt(1),
    signposts: z.array(prose(400)).min(1),
    provenance: z.array(ProvenanceFile).min(1)
  })
  .strict();

export const ScenariosFile = z.object({ scenarios: z.array(ScenarioFile).min(2) }).strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

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

export const DemoObservationsFile = z
  .object({ observations: z.array(DemoObservationFile) })
  .strict();

export type TopicFile = z.infer<typeof TopicFile>;
export type FamilyFile = z.infer<typeof FamilyFile>;
export type IndicatorFile = z.infer<typeof IndicatorFile>;
export type ScenarioFile = z.infer<typeof ScenarioFile>;
export type DemoObservationFile = z.infer<typeof DemoObservationFile>;
export type ProvenanceFile = z.infer<typeof ProvenanceFile>;
