// chart.js, registered once for every chart in the app: only the controllers, elements, scales and
// plugins our charts use, so the bundle carries nothing else. Chart builders import Chart from here,
// and pages load the builders with import(), so chart.js stays out of the first screen's scripts.
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  TimeScale,
  Tooltip
} from 'chart.js';
import 'chartjs-adapter-date-fns';
import annotationPlugin from 'chartjs-plugin-annotation';
import { chartTheme } from './palette.js';

Chart.register(
  LineController,
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  TimeScale,
  Filler,
  Tooltip,
  Legend,
  annotationPlugin
);

// Text and line colours follow the theme the page had when charts were first loaded.
const theme = chartTheme();
Chart.defaults.color = theme.ink;
Chart.defaults.borderColor = theme.grid;

export { Chart };

/** A canvas in the page or one handed to the chart worker. */
export type ChartCanvas = HTMLCanvasElement | OffscreenCanvas;

/** chart.js draws on an OffscreenCanvas (through its BasicPlatform), though its types list only elements. */
export const chartItem = (canvas: ChartCanvas) => canvas as unknown as HTMLCanvasElement;
