import type { SourceCreate, SourceDetail, SourceGradeInput, SourceSummary } from '$shared/index.js';
import { getJson, postJson, type Fetch } from './http.js';

/** Every source of reporting with its current reliability grade, by name. */
export const listSources = (fetch: Fetch) => getJson<SourceSummary[]>(fetch, '/sources');

/** One source with its grade history, newest first. */
export const getSource = (fetch: Fetch, id: number) => getJson<SourceDetail>(fetch, `/sources/${id}`);

export const createSource = (fetch: Fetch, input: SourceCreate) => postJson<SourceDetail>(fetch, '/sources', input);

/** A new grade; the old ones stay as the source's history. */
export const gradeSource = (fetch: Fetch, id: number, grade: SourceGradeInput) =>
  postJson<SourceDetail>(fetch, `/sources/${id}/grades`, grade);
