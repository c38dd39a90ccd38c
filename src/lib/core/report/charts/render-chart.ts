/**
 * A report chart as SVG markup, from the chart's description and its table (see chart-data.ts for
 * how each kind reads a table). Pure, so the report pages, the standalone HTML/PDF export and the
 * public link draw the same picture; the caller places the table beside it.
 */
import { barChart } from './bars.ts';
import type { ChartInput } from './chart-data.ts';
import { divergingBars } from './diverging.ts';
import { dotPlot } from './dots.ts';
import { gapChart } from './gap.ts';
import { radarChart } from './radar.ts';
import { stackedBars } from './stacked.ts';

export type { ChartInput } from './chart-data.ts';
export type { ChartWords } from './frame.ts';

export function renderChart(input: ChartInput): string {
	switch (input.chart.kind) {
		case 'stacked':
			return stackedBars(input);
		case 'diverging':
			return divergingBars(input);
		case 'dots':
			return dotPlot(input);
		case 'gap':
			return gapChart(input);
		case 'radar':
			return radarChart(input);
		case 'bars':
			return barChart(input);
	}
}
