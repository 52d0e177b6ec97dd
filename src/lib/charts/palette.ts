// Colours for charts. Scenarios take colours by their position in the catalogue, so a scenario keeps
// its colour from one indicator page to the next (the API lists bands in catalogue order).
export const SCENARIO_COLOURS = ['#2f855a', '#c05621', '#6b46c1', '#2b6cb0', '#b7791f', '#c53030', '#4a5568'];

export const scenarioColour = (index: number) => SCENARIO_COLOURS[index % SCENARIO_COLOURS.length];

export const READING = '#1d2b3a';
export const CARRIED = '#8593a3';
export const OBSERVATION = 'rgba(29, 43, 58, 0.45)';
export const QUANTITY_EDGE = 'rgba(150, 110, 60, 0.75)';

/** Makes "#rrggbb" translucent for legend swatches. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
