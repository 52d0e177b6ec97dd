// Colours for charts. Scenarios take colours by their position in the catalogue, so a scenario keeps
// its colour from one indicator page to the next (the API lists bands in catalogue order).
/** The chart worker's name when the page is dark. */
export const DARK_WORKER = 'charts-dark';

export const SCENARIO_COLOURS = ['#2f855a', '#c05621', '#6b46c1', '#2b6cb0', '#b7791f', '#c53030', '#4a5568'];

export const scenarioColour = (index: number) => SCENARIO_COLOURS[index % SCENARIO_COLOURS.length];

// Read once when charts load: the theme follows the system setting, as the page's does. The chart
// worker cannot ask (no matchMedia there); the page names it after the theme (see chart-surface.ts).
const DARK =
  typeof matchMedia === 'function'
    ? matchMedia('(prefers-color-scheme: dark)').matches
    : (globalThis as { name?: string }).name === DARK_WORKER;

export const READING = DARK ? '#e3e8ee' : '#1d2b3a';
export const CARRIED = DARK ? '#94a1ae' : '#8593a3';
/** The inside of a hollow (carried-forward) point: the card's colour. */
export const HOLLOW = DARK ? '#19212b' : '#ffffff';
export const OBSERVATION = DARK ? 'rgba(227, 232, 238, 0.5)' : 'rgba(29, 43, 58, 0.45)';
export const QUANTITY_EDGE = 'rgba(150, 110, 60, 0.75)';

/** Makes "#rrggbb" translucent for legend swatches. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * Text, grid and quantity colours from the page's theme variables (light or dark, following the
 * system), read when a chart is built so charts match the page around them.
 */
export function chartTheme() {
  return {
    ink: DARK ? '#b4bfcb' : '#4a5663',
    grid: DARK ? 'rgba(255, 255, 255, 0.1)' : '#e6e9ed',
    quantity: DARK ? '#d9a566' : '#8a5a1e'
  };
}

/**
 * A chart meant for print: dark text on white whatever the screen's theme, and twice the pixels so
 * it stays sharp when the page is scaled to A4.
 */
export function onPaper<C extends { options?: object }>(config: C): C {
  config.options = { ...config.options, devicePixelRatio: 2, color: '#4a5663' };
  return config;
}
