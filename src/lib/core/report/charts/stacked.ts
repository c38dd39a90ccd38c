/**
 * Stacked bars: one bar per group (column), split into the shares of its answer options. Ordered
 * scales take the diverging scale colours (low orange, high purple), unordered options the
 * Okabe–Ito colours; both with hatching and, where a segment is wide enough, its percentage.
 */
import { isShown } from '../model.ts';
import { formatValue } from '../format.ts';
import { columnReason, columnShown, orderedRows, type ChartInput } from './chart-data.ts';
import { barSegment, legend, margin, notShownMark, rowLabel, svgFrame, width } from './frame.ts';
import { categoryColours, categoryPattern, patternFill, scaleColours, scalePattern } from './palette.ts';
import { el } from './svg.ts';

const barHeight = 24;
const gap = 10;

export function stackedBars(input: ChartInput): string {
	const rows = orderedRows(input);
	const ordered = !!input.chart.points?.length;
	const colours = ordered ? scaleColours(rows.length) : rows.map((_, i) => categoryColours[i % categoryColours.length]!);
	const fills = rows.map((_, i) =>
		patternFill(`${input.id}-p${i}`, colours[i]!, ordered ? scalePattern(i, rows.length) : categoryPattern(i))
	);
	const defs = fills.map((fill) => fill.defs).join('');
	const key = legend(rows.map((row, i) => ({ label: row.label, fill: fills[i]!.fill })), margin);
	let y = margin + key.height + 4;
	const plotWidth = width - 2 * margin;
	const bars = input.table.columns.map((column, c) => {
		const label = rowLabel(column.label, y);
		y += label.height;
		let bar: string;
		if (!columnShown(rows, c)) {
			bar = notShownMark(input, columnReason(rows, c), margin, y, plotWidth, barHeight);
		} else {
			const values = rows.map((row) => {
				const cell = row.cells[c]!;
				return isShown(cell) ? Math.max(0, cell.value) : 0;
			});
			const total = Math.max(100, values.reduce((sum, value) => sum + value, 0));
			let x = margin;
			bar = values
				.map((value, i) => {
					const segmentWidth = (value / total) * plotWidth;
					const start = x;
					x += segmentWidth;
					if (segmentWidth <= 0) return '';
					return barSegment({
						key: rows[i]!.key,
						x: start,
						y,
						width: segmentWidth,
						height: barHeight,
						fill: fills[i]!.fill,
						colour: colours[i]!,
						shown: formatValue(input.table.measure, value, input.locale)
					});
				})
				.join('');
		}
		const group = el('g', { 'data-column': column.key }, label.markup + bar);
		y += barHeight + gap;
		return group;
	});
	return svgFrame(input, y + margin - gap, 'stacked', defs, key.markup + bars.join(''));
}
