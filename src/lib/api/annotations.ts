import type { Annotation, AnnotationInput } from '$shared/index.js';
import { getJson, postJson, type Fetch } from './http.js';

/** The notes a chart draws: an indicator's, a family's, or (scope "all") the ones on every chart. */
export function listAnnotations(fetch: Fetch, forChart: { indicatorId?: string; familyId?: string; scope?: 'all' }) {
  const query = new URLSearchParams(Object.entries(forChart).filter(([, v]) => v) as [string, string][]);
  return getJson<Annotation[]>(fetch, `/annotations?${query}`);
}

export const createAnnotation = (fetch: Fetch, input: AnnotationInput) =>
  postJson<Annotation>(fetch, '/annotations', input);

/** A correction: a new annotation that supersedes `id` (which stays on record). */
export const correctAnnotation = (fetch: Fetch, id: number, input: AnnotationInput) =>
  postJson<Annotation>(fetch, `/annotations/${id}/correct`, input);

/** Takes `id` off the charts, with the reason; it stays on record. */
export const retireAnnotation = (fetch: Fetch, id: number, reason: string) =>
  postJson<Annotation>(fetch, `/annotations/${id}/retire`, { reason });
