import { z } from 'zod';
import { Provenance } from './common.js';

export const Band = z.tuple([z.number().int(), z.number().int()]);

export const FamilyRef = z.object({ id: z.string(), title: z.string() });

export const IndicatorSummary = z.object({
  id: z.string(),
  title: z.string(),
  family: FamilyRef,
  lookFor: z.string(),
  /** Anchor words of levels 1..5, index 0 is level 1. */
  levels: z.array(z.string()).length(5),
  quantity: z.object({ unit: z.string(), label: z.string() }).nullable(),
  cadenceDays: z.number().int(),
  thresholds: z.object({ fire: z.number().int(), recover: z.number().int() }),
  retired: z.boolean(),
  provenance: z.array(Provenance)
});

export const ScenarioBand = z.object({
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  band: Band
});

export const IndicatorDetail = IndicatorSummary.extend({
  bands: z.array(ScenarioBand),
  /** False when every scenario expects the same band: the indicator cannot tell them apart. */
  distinguishesScenarios: z.boolean()
});

export const Family = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  provenance: z.array(Provenance),
  indicatorIds: z.array(z.string())
});

export const ScenarioSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  prior: z.number()
});

export const Scenario = ScenarioSummary.extend({
  narrative: z.string(),
  signposts: z.array(z.string()),
  provenance: z.array(Provenance)
});

/** The indicator × scenario band matrix, as the scenario page shows it. */
export const BandMatrixRow = z.object({
  indicatorId: z.string(),
  indicatorTitle: z.string(),
  family: FamilyRef,
  retired: z.boolean(),
  /** Same order as `scenarios` of the matrix. */
  bands: z.array(Band),
  distinguishesScenarios: z.boolean()
});

export const BandMatrix = z.object({
  scenarios: z.array(ScenarioSummary),
  rows: z.array(BandMatrixRow)
});

export const ScenarioDetail = Scenario.extend({ matrix: BandMatrix });

export const IndicatorList = z.array(IndicatorSummary);
export const FamilyList = z.array(Family);
export const ScenarioList = z.array(Scenario);

export type IndicatorSummary = z.infer<typeof IndicatorSummary>;
export type IndicatorDetail = z.infer<typeof IndicatorDetail>;
export type Family = z.infer<typeof Family>;
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioDetail = z.infer<typeof ScenarioDetail>;
export type BandMatrix = z.infer<typeof BandMatrix>;
export type BandMatrixRow = z.infer<typeof BandMatrixRow>;
