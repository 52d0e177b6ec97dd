// A small trend for the printed briefing: an indicator's reading per period on the 1–5 scale, solid
// where observed and dashed where carried forward, with the notes in its scope.
import type { ChartConfiguration, ScriptableLineSegmentContext } from 'chart.js';
import type { Annotation, BriefingIndicator, Period } from '$shared/index.js';
import { withAnnotations } from './annotations.js';
import { chartTheme, onPaper } from './palette.js';
import { Chart } from './setup.js';
import { middle, timeAxis } from './time-axis.js';

type Point = { x: number; y: number | null };
const INK = '#1d2b3a';
const CARRIED = '#8593a3';

export function briefingTrendConfig(
  indicator: BriefingIndicator,
  range: { from: string; to: string; period: Period }
): ChartConfiguration<'line', Point[]> {
  const points = indicator.points;
  const carried = (i: number) => points[i]?.carried ?? false;
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: `${indicator.title}: reading per ${range.period}`,
          data: points.map((p) => ({ x: middle(p), y: p.reading })),
          borderColor: INK,
          borderWidth: 2,
          pointRadius: points.map((p) => (p.carried ? 2 : 3.5)),
          pointBackgroundColor: points.map((p) => (p.carried ? '#ffffff' : INK)),
          pointBorderColor: points.map((p) => (p.carried ? CARRIED : INK)),
          segment: {
            borderColor: (ctx: ScriptableLineSegmentContext) => (carried(ctx.p1DataIndex) ? CARRIED : INK),
            borderDash: (ctx: ScriptableLineSegmentContext) => (carried(ctx.p1DataIndex) ? [5, 4] : undefined)
          },
          spanGaps: false
        }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      events: [],
      scales: {
        x: { ...timeAxis(points, range), title: { display: false } },
        y: {
          type: 'linear',
          min: 1,
          max: 5,
          ticks: { stepSize: 1 },
          title: { display: true, text: 'Level' },
          grid: { color: chartTheme().grid }
        }
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } }
    }
  };
}

export function createBriefingTrend(
  canvas: HTMLCanvasElement,
  indicator: BriefingIndicator,
  range: { from: string; to: string; period: Period },
  notes: readonly Annotation[]
) {
  return new Chart(canvas, onPaper(withAnnotations(briefingTrendConfig(indicator, range), notes)));
}
