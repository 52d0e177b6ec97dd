export type BandRange = readonly [number, number];

/** An indicator distinguishes scenarios when at least two of them expect different bands. */
export function distinguishesScenarios(bands: readonly BandRange[]): boolean {
  return bands.some(([lo, hi]) => lo !== bands[0][0] || hi !== bands[0][1]);
}
