import type { Annotation, AnnotationInput } from '$shared/index.js';
import { getJson, postJson, type Fetch } from './http.js';

/** The notes a chart draws: an indicator's, a family's, or (scope "all") the ones on every chart. */
export function listAnnotations(fetch: Fetch, forChart: { indicatorId?: string; familyId?: string; scope?: 'all' }) {
  const query = new URLSearchParams(Object.entries(forChart).filter(([, v]) => v) as [string, string][]);
  return getJson<Annotation[]>(fetch, `/annotations?${query}`);
}

export const createAnnotation = (fetch: Fetch, input: AnnotationInput) => postJson<Annotation>(fetch, '/annotations', input);
