import { distinguishesScenarios } from '../analysis/bands.js';
import type {
  BandMatrix,
  Family,
  IndicatorDetail,
  IndicatorSummary,
  Provenance,
  Scenario,
  ScenarioSummary
} from '../schemas/index.js';
import type { Db } from './open-db.js';

interface IndicatorRow {
  id: string;
  familyId: string;
  familyTitle: string;
  title: string;
  lookFor: string;
  levelsJson: string;
  quantityUnit: string | null;
  quantityLabel: string | null;
  cadenceDays: number;
  fire: number;
  recover: number;
  provenanceJson: string;
  retiredAt: string | null;
}
interface ScenarioRow {
  id: string;
  title: string;
  summary: string;
  narrative: string;
  prior: number;
  signpostsJson: string;
  provenanceJson: string;
}
interface BandRow {
  scenarioId: string;
  indicatorId: string;
  lo: number;
  hi: number;
}

const INDICATOR_COLUMNS = `i.id, i.family_id AS familyId, f.title AS familyTitle, i.title, i.look_for AS lookFor,
  i.levels_json AS levelsJson, i.quantity_unit AS quantityUnit, i.quantity_label AS quantityLabel,
  i.cadence_days AS cadenceDays, i.fire_level AS fire, i.recover_level AS recover,
  i.provenance_json AS provenanceJson, i.retired_at AS retiredAt`;
const SCENARIO_COLUMNS = `id, title, summary, narrative, prior, signposts_json AS signpostsJson,
  provenance_json AS provenanceJson`;

/** Reads of the catalogue as the API presents it. Writes happen only in catalogue-sync. */
export function createCatalogueRepository(db: Db) {
  const q = {
    topic: db.prepare(`SELECT id, title, description, coalesce(scale_low, 'lowest') AS scaleLow,
      coalesce(scale_high, 'highest') AS scaleHigh FROM topic LIMIT 1`),
    assessmentSettings: db.prepare(`SELECT half_life_days AS halfLifeDays, assess_from AS assessFrom,
      observable_from AS observableFrom FROM topic LIMIT 1`),
    documentTitles: db.prepare('SELECT file, title FROM documents'),
    indicators: db.prepare(`SELECT ${INDICATOR_COLUMNS} FROM indicators i JOIN families f ON f.id = i.family_id
      ORDER BY i.retired_at IS NOT NULL, f.position, i.position`),
    indicator: db.prepare(
      `SELECT ${INDICATOR_COLUMNS} FROM indicators i JOIN families f ON f.id = i.family_id WHERE i.id = ?`
    ),
    families: db.prepare(`SELECT id, title, description, provenance_json AS provenanceJson FROM families
      ORDER BY retired_at IS NOT NULL, position`),
    scenarios: db.prepare(`SELECT ${SCENARIO_COLUMNS} FROM scenarios ORDER BY position`),
    scenario: db.prepare(`SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE id = ?`),
    bands: db.prepare(`SELECT b.scenario_id AS scenarioId, b.indicator_id AS indicatorId, b.lo, b.hi
      FROM scenario_bands b JOIN scenarios s ON s.id = b.scenario_id ORDER BY s.position`),
    indicatorIdsByFamily: db.prepare(`SELECT i.id, i.family_id AS familyId FROM indicators i
      ORDER BY i.retired_at IS NOT NULL, i.position`),
    version: db.prepare("SELECT value FROM meta WHERE key = 'catalogue_version'").pluck(),
    bandsOf: db.prepare(`SELECT b.scenario_id AS scenarioId, s.title AS scenarioTitle, b.lo, b.hi
      FROM scenario_bands b JOIN scenarios s ON s.id = b.scenario_id WHERE b.indicator_id = ? ORDER BY s.position`)
  };

  type Titles = Map<string, string>;
  // Document titles change only when the catalogue is synchronised; read them once per request.
  const documentTitles = (): Titles =>
    new Map((q.documentTitles.all() as { file: string; title: string }[]).map((d) => [d.file, d.title]));
  const provenance = (json: string, titles: Titles): Provenance[] => {
    return (JSON.parse(json) as Omit<Provenance, 'documentTitle'>[]).map((p) => ({
      ...p,
      documentTitle: titles.get(p.document) ?? null
    }));
  };
  const toIndicator = (r: IndicatorRow, titles: Titles): IndicatorSummary => ({
    id: r.id,
    title: r.title,
    family: { id: r.familyId, title: r.familyTitle },
    lookFor: r.lookFor,
    levels: JSON.parse(r.levelsJson),
    quantity: r.quantityUnit ? { unit: r.quantityUnit, label: r.quantityLabel ?? r.quantityUnit } : null,
    cadenceDays: r.cadenceDays,
    thresholds: { fire: r.fire, recover: r.recover },
    retired: r.retiredAt !== null,
    provenance: provenance(r.provenanceJson, titles)
  });
  const toScenarioSummary = (r: ScenarioRow): ScenarioSummary => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    prior: r.prior
  });
  const toScenario = (r: ScenarioRow, titles: Titles): Scenario => ({
    ...toScenarioSummary(r),
    narrative: r.narrative,
    signposts: JSON.parse(r.signpostsJson),
    provenance: provenance(r.provenanceJson, titles)
  });

  return {
    /** Renewed by every catalogue sync (catalogue-sync.ts); null before the first. */
    version: () => (q.version.get() as string | undefined) ?? null,
    topic: () => {
      const row = q.topic.get() as
        { id: string; title: string; description: string; scaleLow: string; scaleHigh: string } | undefined;
      if (!row) return null;
      const { scaleLow, scaleHigh, ...topic } = row;
      return { ...topic, scale: { low: scaleLow, high: scaleHigh } };
    },
    /** The topic's assessment settings (README, Method: The assessment); null before a catalogue is loaded. */
    assessmentSettings: () =>
      (q.assessmentSettings.get() as
        { halfLifeDays: number; assessFrom: string; observableFrom: string } | undefined) ?? null,
    listIndicators(): IndicatorSummary[] {
      const titles = documentTitles();
      return (q.indicators.all() as IndicatorRow[]).map((r) => toIndicator(r, titles));
    },
    getIndicator(id: string): IndicatorDetail | null {
      const row = q.indicator.get(id) as IndicatorRow | undefined;
      if (!row) return null;
      const bands = (q.bandsOf.all(id) as (BandRow & { scenarioTitle: string })[]).map((b) => ({
        scenarioId: b.scenarioId,
        scenarioTitle: b.scenarioTitle,
        band: [b.lo, b.hi] as [number, number]
      }));
      return {
        ...toIndicator(row, documentTitles()),
        bands,
        distinguishesScenarios: distinguishesScenarios(bands.map((b) => b.band))
      };
    },
    listFamilies(): Family[] {
      const indicators = q.indicatorIdsByFamily.all() as { id: string; familyId: string }[];
      const titles = documentTitles();
      return (q.families.all() as { id: string; title: string; description: string; provenanceJson: string }[]).map(
        (f) => ({
          id: f.id,
          title: f.title,
          description: f.description,
          provenance: provenance(f.provenanceJson, titles),
          indicatorIds: indicators.filter((i) => i.familyId === f.id).map((i) => i.id)
        })
      );
    },
    listScenarios(): Scenario[] {
      const titles = documentTitles();
      return (q.scenarios.all() as ScenarioRow[]).map((r) => toScenario(r, titles));
    },
    getScenario(id: string): Scenario | null {
      const row = q.scenario.get(id) as ScenarioRow | undefined;
      return row ? toScenario(row, documentTitles()) : null;
    },
    /** bands[indicatorId][scenarioId] for every current indicator: the scenario fit's input. */
    bandMap(): Record<string, Record<string, [number, number]>> {
      const map: Record<string, Record<string, [number, number]>> = {};
      for (const b of q.bands.all() as BandRow[]) (map[b.indicatorId] ??= {})[b.scenarioId] = [b.lo, b.hi];
      return map;
    },
    /** Current (not retired) indicators × scenarios, with the band each scenario expects. */
    bandMatrix(): BandMatrix {
      const scenarios = (q.scenarios.all() as ScenarioRow[]).map(toScenarioSummary);
      const bands = new Map<string, Map<string, [number, number]>>();
      for (const b of q.bands.all() as BandRow[]) {
        if (!bands.has(b.indicatorId)) bands.set(b.indicatorId, new Map());
        bands.get(b.indicatorId)!.set(b.scenarioId, [b.lo, b.hi]);
      }
      const rows = this.listIndicators()
        .filter((i) => !i.retired)
        .map((i) => {
          const row = scenarios.map((s) => bands.get(i.id)?.get(s.id) ?? ([1, 5] as [number, number]));
          return {
            indicatorId: i.id,
            indicatorTitle: i.title,
            family: i.family,
            retired: i.retired,
            bands: row,
            distinguishesScenarios: distinguishesScenarios(row)
          };
        });
      return { scenarios, rows };
    }
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
