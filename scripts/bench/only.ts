// BENCH_ONLY=<part of a comparison's name>: run only the comparisons whose name holds it (and
// only the scale table's calls whose "10× the data: …" name holds it), print them, write no results.
const ONLY = process.env.BENCH_ONLY ?? '';

export const partial = ONLY !== '';

/** Whether the comparison named `name` runs in this run. */
export const wanted = (name: string) => name.includes(ONLY);
