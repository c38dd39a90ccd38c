/**
 * Gap charts, per group (column):
 * - LibQUAL: the zone of tolerance as a hatched band from the minimum to the desired mean, the
 *   perceived mean as a diamond on it — below the band is an adequacy gap, above it superiority;
 * - importance × performance: importance (square) and performance (circle) joined by a line, the
 *   gap (importance − performance) written beside it.
 * A table of ready gaps (rows other than these levels) is drawn as signed bars.
 */
import { isShown, type Figure, type ShownFigure } from '../model.ts';
import { formatValue } from '../format.ts';
import { domainFor, shownFigures, type ChartInput } from './chart-data.ts';
import { fontSize, legend, linear, margin, marker, notShownMark, rowLabel, svgFrame, valueAxis, width } from './frame.ts';
import { barChart } from './bars.ts';
import { ink, patternFill, seriesColours } from './palette.ts';
import { el, text, textWidth } from './svg.ts';

const bandHeight = 20;
const zoneColour = '#b2abd2';

function rowOf(input: ChartInput, key: string): Figure[] | undefined {
	return input.table.rows.find((row) => row.key === key)?.cells;
}

export function gapChart(input: ChartInput): string {
	const minimum = rowOf(input, 'minimum');
	const desired = rowOf(input, 'desired');
	const perceived = rowOf(input, 'perceived');
	if (minimum && desired && perceived) return zoneChart(input, minimum, desired, perceived);
	const importance = rowOf(input, 'importance');
	const performance = rowOf(input, 'performance');
	if (importance && performance) return importancePerformance(input, importance, performance);
	return barChart(input, 'gap');
}

interface Layout {
	scale: (value: number) => number;
	domain: [number, number];
}

function layout(input: ChartInput): Layout {
	const domain = domainFor(input.table.measure, input.chart.points, shownFigures(input.table.rows));
	return { domain, scale: linear(domain, margin + 6, width - margin - 6) };
}

function zoneChart(input: ChartInput, minimum: Figure[], desired: Figure[], perceived: Figure[]): string {
	const { scale, domain } = layout(input);
	const band = patternFill(`${input.id}-zone`, zoneColour, 'up');
	const label = (key: string) => input.table.rows.find((row) => row.key === key)!.label;
	const key = legend(
		[
			{ label: `${label('minimum')} – ${label('desired')}`, fill: band.fill },
			{ label: label('perceived'), marker: { shape: 'diamond', colour: seriesColours[1]! } }
		],
		margin
	);
	let y = margin + key.height + 4;
	const top = y;
	const groups = input.table.columns.map((column, c) => {
		const heading = rowLabel(column.label, y);
		y += heading.height;
		const [low, high, now] = [minimum[c], desired[c], perceived[c]];
		let body: string;
		if (!low || !high || !now || !isShown(low) || !isShown(high) || !isShown(now)) {
			const reason = [low, high, now].find((cell): cell is Exclude<Figure, ShownFigure> => !!cell && !isShown(cell))?.suppressed ?? 'empty';
			body = notShownMark(input, reason, margin, y, 150, bandHeight);
		} else {
			const x1 = scale(Math.min(low.value, high.value));
			const x2 = scale(Math.max(low.value, high.value));
			const cy = y + bandHeight / 2;
			body =
				el('rect', { x: x1, y, width: Math.max(1, x2 - x1), height: bandHeight, fill: band.fill, stroke: ink, 'stroke-width': 0.75 }) +
				marker('diamond', scale(now.value), cy, 7, seriesColours[1]!) +
				valueLabel(input, now.value, Math.min(x1, scale(now.value) - 8), Math.max(x2, scale(now.value) + 8), cy);
		}
		y += bandHeight + 12;
		return el('g', { 'data-column': column.key }, heading.markup + body);
	});
	const axis = valueAxis(domain, scale, top, y, input.table.measure, input.locale);
	return svgFrame(input, y + axis.height + margin, 'gap', band.defs, key.markup + axis.markup + groups.join(''));
}

function importancePerformance(input: ChartInput, importance: Figure[], performance: Figure[]): string {
	const { scale, domain } = layout(input);
	const label = (key: string) => input.table.rows.find((row) => row.key === key)!.label;
	const key = legend(
		[
			{ label: label('importance'), marker: { shape: 'square', colour: seriesColours[0]! } },
			{ label: label('performance'), marker: { shape: 'circle', colour: seriesColours[1]! } }
		],
		margin
	);
	let y = margin + key.height + 4;
	const top = y;
	const groups = input.table.columns.map((column, c) => {
		const heading = rowLabel(column.label, y);
		y += heading.height;
		const [wanted, got] = [importance[c], performance[c]];
		const cy = y + bandHeight / 2;
		let body: string;
		if (!wanted || !got || !isShown(wanted) || !isShown(got)) {
			const reason = [wanted, got].find((cell): cell is Exclude<Figure, ShownFigure> => !!cell && !isShown(cell))?.suppressed ?? 'empty';
			body = notShownMark(input, reason, margin, y, 150, bandHeight);
		} else {
			const xi = scale(wanted.value);
			const xp = scale(got.value);
			const gapText = formatValue('gap', wanted.value - got.value, input.locale);
			body =
				el('line', { x1: xi, x2: xp, y1: cy, y2: cy, stroke: ink, 'stroke-width': 2 }) +
				marker('square', xi, cy, 6, seriesColours[0]!) +
				marker('circle', xp, cy, 6, seriesColours[1]!) +
				valueLabel(input, null, Math.min(xi, xp) - 6, Math.max(xi, xp) + 6, cy, gapText);
		}
		y += bandHeight + 12;
		return el('g', { 'data-column': column.key }, heading.markup + body);
	});
	const axis = valueAxis(domain, scale, top, y, input.table.measure, input.locale);
	return svgFrame(input, y + axis.height + margin, 'gap', '', key.markup + axis.markup + groups.join(''));
}

/** The value written beside a mark: right of `right` when it fits, else left of `left`. */
function valueLabel(input: ChartInput, value: number | null, left: number, right: number, cy: number, shown?: string): string {
	const content = shown ?? formatValue(input.table.measure, value ?? 0, input.locale);
	const onRight = right + 10 + textWidth(content, fontSize) <= width - margin;
	return text(content, { x: onRight ? right + 10 : left - 10, y: cy + 4.5, 'text-anchor': onRight ? 'start' : 'end', fill: ink, 'font-weight': 600 });
}
