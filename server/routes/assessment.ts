import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { achTable, describeMovement } from '../analysis/assessment.js';
import { diagnosticity } from '../analysis/diagnosticity.js';
import { icd203Words } from '../analysis/icd203.js';
import { DIAGNOSTIC_THRESHOLD, MIN_DISTINCTIVE_INDICATORS, MIN_SEPARATING_INDICATORS } from '../analysis/method.js';
import { scenarioFit } from '../analysis/scenario-fit.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { Diagnosticity, ErrorBody, FitQuery, ScenarioFit } from '../schemas/index.js';
import { fitInput, inWindow, queryWindow } from '../services/assessment.js';

/** The manager's analysis: scenario fit over time, ACH, movement, sensitivity, diagnosticity. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue } = app.store;

  app.get('/scenarios/fit', { schema: { querystring: FitQuery, response: { 200: ScenarioFit, 400: ErrorBody } } }, async (req) => {
    const today = app.clock().toISOString().slice(0, 10);
    const window = queryWindow(app.store.observations.firstDate(), today, req.query);
    const input = fitInput(app.store, window);
    const fit = inWindow(scenarioFit(input), window);
    const scenarios = catalogue.listScenarios().map(({ id, title, summary, prior }) => ({ id, title, summary, prior }));
    const ids = scenarios.map((s) => s.id);
    const titles = new Map(catalogue.listIndicators().map((i) => [i.id, i.title]));
    const lastWithEvidence = fit.findLast((p) => p.evidence > 0);
    const ach = achTable(lastWithEvidence, ids, input.bands);
    const weeklyWindow = { ...window, period: 'week' as const };
    const weekly = window.period === 'week' ? fit : inWindow(scenarioFit(fitInput(app.store, weeklyWindow)), weeklyWindow);
    const movement = describeMovement(weekly);
    const sens = sensitivity(input);
    return {
      ...window,
      scenarios,
      points: fit.map((p) => ({
        start: p.start, end: p.end, leading: p.leading, evidence: p.evidence,
        scenarios: ids.map((id) => ({ scenarioId: id, probability: p.probabilities[id], words: icd203Words(p.probabilities[id]), inconsistency: p.inconsistency[id] }))
      })),
      ach: {
        period: lastWithEvidence ? { start: lastWithEvidence.start, end: lastWithEvidence.end } : null,
        rows: ach.rows.map((r) => ({ ...r, indicatorTitle: titles.get(r.indicatorId) ?? r.indicatorId })),
        totals: ach.totals
      },
      movement: movement && {
        ...movement,
        drivers: movement.drivers.map((d) => ({ ...d, indicatorTitle: titles.get(d.indicatorId) ?? d.indicatorId }))
      },
      sensitivity: { ...sens, whatIfs: sens.whatIfs.map((w) => ({ ...w, indicatorTitle: titles.get(w.indicatorId) ?? w.indicatorId })) }
    };
  });

  app.get('/diagnosticity', { schema: { response: { 200: Diagnosticity } } }, async () => {
    const matrix = catalogue.bandMatrix();
    const ids = matrix.scenarios.map((s) => s.id);
    const result = diagnosticity({ scenarioIds: ids, indicators: matrix.rows.map((r) => ({ id: r.indicatorId, bands: r.bands })) });
    return {
      threshold: DIAGNOSTIC_THRESHOLD,
      minDistinctive: MIN_DISTINCTIVE_INDICATORS,
      minSeparating: MIN_SEPARATING_INDICATORS,
      pairs: result.pairs,
      scenarios: matrix.scenarios.map((s, k) => ({ ...s, ...result.scenarios[k] })),
      indicators: matrix.rows.map((r, k) => ({
        ...result.indicators[k], indicatorTitle: r.indicatorTitle, family: r.family, bands: r.bands
      }))
    };
  });
};
