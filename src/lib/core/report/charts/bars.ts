/**
 * Simple horizontal bars for counts (respondents by round, channel or language) and other single
 * values; negative values (ready-made gaps) extend left of zero. With several groups (columns) each
 * row holds one bar per group, told apart by colour, hatching and the legend.
 */
import { isShown, type Figure } from '../model.ts';
import { formatValue } from '../format.ts';
import { shownFigures, type ChartInput } from './chart-data.ts';
import { fontSize, legend, linear, margin, notShownMark, rowLabel, svgFrame, ticks, valueAxis, width } from './frame.ts';
import { categoryColours, categoryPattern, ink, patternFill } from './palette.ts';
import { el, text, textWidth } from './svg.ts';

const barHeight = 18;

function niceDomain(values: number[]): [number, number] {
	const low = Math.min(0, ...values);
	const high = Math.max(0, ...values);
	if (low === high) return [0, 1];
	const marks = ticks([low, high]);
	const step = marks.length > 1 ? marks[1]! - marks[0]! : 1;
	return [Math.floor(low / step) * step, Math.ceil(high / step) * step];
}

export function barChart(input: ChartInput, kind = 'bars'): string {
	const { rows, columns, measure } = input.table;
	const domain = niceDomain(shownFigures(rows).map((figure) => figure.value));
	const scale = linear(domain, margin, width - margin);
	const several = columns.length > 1;
	const fills = columns.map((_, c) =>
		patternFill(`${input.id}-s${c}`, several ? categoryColours[c % categoryColours.length]! : categoryColours[0]!, several ? categoryPattern(c) : 'none')
	);
	const key = several ? legend(columns.map((column, c) => ({ label: column.label, fill: fills[c]!.fill })), margin) : { markup: '', height: 0 };
	let y = margin + key.height + 4;
	const top = y;
	const blocks = rows.map((row) => {
		const label = rowLabel(row.label, y);
		y += label.height;
		const bars = row.cells.map((cell, c) => {
			const markup = el('g', { 'data-column': columns[c]!.key }, bar(input, cell, fills[c]!.fill, scale, y));
			y += barHeight + 3;
			return markup;
		});
		y += 7;
		return el('g', { 'data-row': row.key }, label.markup + bars.join(''));
	});
	const axis = valueAxis(domain, scale, top, y - 6, measure, input.locale);
	return svgFrame(input, y - 6 + axis.height + margin, kind, fills.map((fill) => fill.defs).join(''), key.markup + axis.markup + blocks.join(''));
}

function bar(input: ChartInput, cell: Figure, fill: string, scale: (value: number) => number, y: number): string {
	if (!isShown(cell)) return notShownMark(input, cell.suppressed, margin, y, 150, barHeight);
	const zero = scale(0);
	const end = scale(cell.value);
	const x = Math.min(zero, end);
	const w = Math.max(1, Math.abs(end - zero));
	const shown = formatValue(input.table.measure, cell.value, input.locale);
	const room = textWidth(shown, fontSize - 1) + 6;
	const positive = cell.value >= 0;
	// Outside the bar's end when there is room; inside it (white on a dark halo) otherwise.
	const outside = positive ? end + 4 + room <= width - margin : end - 4 - room >= margin;
	const toRight = positive === outside;
	return (
		el('rect', { x, y, width: w, height: barHeight, fill, stroke: ink, 'stroke-width': 0.75 }) +
		text(shown, {
			x: toRight ? end + 4 : end - 4,
			y: y + barHeight / 2 + 4.5,
			'text-anchor': toRight ? 'start' : 'end',
			fill: outside ? ink : '#ffffff',
			stroke: outside ? undefined : ink,
			'stroke-width': outside ? undefined : 3,
			'paint-order': outside ? undefined : 'stroke',
			'font-size': fontSize - 1
		})
	);
}
