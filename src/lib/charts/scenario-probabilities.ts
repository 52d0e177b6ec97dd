import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { Chart, chartItem, type ChartCanvas } from './setup.js';
import { chartTheme, onPaper } from './palette.js';
import type { FitPoint, ScenarioFit, Annotation } from '$shared/index.js';
import { formatDate, formatPeriod } from '$lib/format.js';
import { withAnnotations } from './annotations.js';
import { evidenceGapsPlugin, gapsOf, type GapCarrier } from './evidence-gaps.js';
import { scenarioColour, withAlpha } from './palette.js';
import { hatch } from './patterns.js';
import { middle, spanOf, timeAxis } from './time-axis.js';

type Point = { x: number; y: number };
type ProbabilityDataset = ChartDataset<'line', Point[]> &
  GapCarrier & { role: 'scenario' | 'gap-key'; words?: string[] };
export type ProbabilityChart = Chart<'line', Point[]>;
/** What the chart draws: the fit's periods and scenario titles (the briefing passes the same). */
export type ProbabilityView = Pick<ScenarioFit, 'points' | 'period' | 'from' | 'to'> & {
  scenarios: { title: string }[];
};

// White stripes wash the colours out without muddying them; the legend swatch needs grey to show on white.
const GAP_STRIPES = 'rgba(255, 255, 255, 0.75)';
const GAP_SWATCH = 'rgba(90, 104, 120, 0.6)';

/** One band of the stack per scenario, in catalogue order so colours match every other page. */
function scenarioDatasets(fit: ProbabilityView): ProbabilityDataset[] {
  return fit.scenarios.map((s, k) => {
    const colour = scenarioColour(k);
    return {
      role: 'scenario',
      label: s.title,
      data: fit.points.map((p) => ({ x: middle(p), y: p.scenarios[k].probability * 100 })),
      words: fit.points.map((p) => p.scenarios[k].words),
      stack: 'probability',
      fill: k === 0 ? 'origin' : '-1',
      backgroundColor: withAlpha(colour, 0.55),
      borderColor: colour,
      borderWidth: 1.25,
      pointRadius: 0,
      pointHoverRadius: 3,
      pointHitRadius: 4
    };
  });
}

/** Legend entry and carrier for the hatch over periods without evidence. */
function gapDataset(points: FitPoint[]): ProbabilityDataset {
  return {
    role: 'gap-key',
    // Short enough to fit a phone's legend row; the footer and tooltip say the rest.
    label: 'No evidence: fading to the priors (hatched)',
    data: [],
    gaps: gapsOf(points, (p) => p.evidence === 0, spanOf),
    gapFill: hatch(GAP_STRIPES, 6, 2),
    backgroundColor: hatch(GAP_SWATCH),
    borderColor: '#8593a3',
    borderWidth: 1
  };
}

function tooltipTitle(items: TooltipItem<'line'>[], fit: ProbabilityView): string[] {
  const p = fit.points[items[0]?.dataIndex ?? -1];
  if (!p) return [];
  const when = `${formatPeriod(p.start, fit.period)} (${formatDate(p.start)} – ${formatDate(p.end)})`;
  const reading = `As of ${formatDate(p.at)}`;
  return [
    when,
    reading,
    p.evidence > 0
      ? `${p.evidence} new ${p.evidence === 1 ? 'reading' : 'readings'} that vote`
      : 'No new evidence: fading toward the priors'
  ];
}

function tooltipLabel(item: TooltipItem<'line'>): string {
  const ds = item.dataset as ProbabilityDataset;
  // Stacked: the raw value is the scenario's own share, not the height of its top edge.
  const share = (item.raw as Point).y;
  return `${ds.label}: ${Math.round(share)}% · ${ds.words?.[item.dataIndex] ?? ''}`;
}

export function probabilityConfig(fit: ProbabilityView): ChartConfiguration<'line', Point[]> {
  return {
    type: 'line',
    data: { datasets: [...scenarioDatasets(fit), gapDataset(fit.points)] },
    plugins: [evidenceGapsPlugin],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // The points are built sorted as { x: ms, y }: chart.js can take them as they are.
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: timeAxis(fit.points, fit),
        y: {
          type: 'linear',
          stacked: true,
          min: 0,
          max: 100,
          ticks: { stepSize: 20, callback: (v) => `${v}%` },
          title: { display: true, text: 'Probability (%)' },
          grid: { color: chartTheme().grid }
        }
      },
      plugins: {
        legend: {
          position: 'bottom',
          align: 'start',
          labels: { boxWidth: 22, boxHeight: 11, padding: 12 }
        },
        tooltip: {
          filter: (item) => (item.dataset as ProbabilityDataset).role === 'scenario',
          // Most likely first: the leading scenario heads the list.
          itemSort: (a, b) => (b.raw as Point).y - (a.raw as Point).y,
          callbacks: { title: (items) => tooltipTitle(items, fit), label: tooltipLabel }
        }
      }
    }
  };
}

export function createProbabilityChart(
  canvas: ChartCanvas,
  fit: ProbabilityView,
  annotations: Annotation[] = [],
  paper = false
): ProbabilityChart {
  const config = withAnnotations(probabilityConfig(fit), annotations);
  return new Chart(chartItem(canvas), paper ? onPaper(config) : config);
}
