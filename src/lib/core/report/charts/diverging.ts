/**
 * Diverging bars for a scale (Likert): each group's distribution centred on the neutral point, the
 * low answers to the left, the high to the right, half of the neutral answers on each side (the
 * usual layout, Robbins & Heiberger 2011). With an even number of points the centre lies between
 * the two middle points.
 */
import { isShown } from '../model.ts';
import { formatValue } from '../format.ts';
import { columnReason, columnShown, orderedRows, type ChartInput } from './chart-data.ts';
import { barSegment, legend, linear, margin, notShownMark, rowLabel, svgFrame, valueAxis, width } from './frame.ts';
import { ink, patternFill, scaleColours, scalePattern, scaleSide } from './palette.ts';
import { el } from './svg.ts';

const barHeight = 24;
const gap = 10;

interface Segment {
	index: number;
	from: number;
	to: number;
	value: number;
}

/** Where each point's segment lies on the −…+ axis: low points to the left of 0, high to the right. */
export function divergingSegments(values: number[]): Segment[] {
	const count = values.length;
	const sides = values.map((_, i) => scaleSide(i, count));
	const neutral = values.find((_, i) => sides[i] === 'neutral') ?? 0;
	const segments: Segment[] = [];
	// (+ 0: no −0 when there is no neutral point.)
	let left = -neutral / 2 + 0;
	for (let i = count - 1; i >= 0; i--) {
		if (sides[i] !== 'low') continue;
		segments.push({ index: i, from: left - values[i]!, to: left, value: values[i]! });
		left -= values[i]!;
	}
	const neutralIndex = sides.indexOf('neutral');
	if (neutralIndex >= 0) segments.push({ index: neutralIndex, from: -neutral / 2 + 0, to: neutral / 2, value: neutral });
	let right = neutral / 2;
	for (let i = 0; i < count; i++) {
		if (sides[i] !== 'high') continue;
		segments.push({ index: i, from: right, to: right + values[i]!, value: values[i]! });
		right += values[i]!;
	}
	return segments.sort((a, b) => a.index - b.index);
}

export function divergingBars(input: ChartInput): string {
	const rows = orderedRows(input);
	const colours = scaleColours(rows.length);
	const fills = rows.map((_, i) => patternFill(`${input.id}-p${i}`, colours[i]!, scalePattern(i, rows.length)));
	const columns = input.table.columns.map((_, c) =>
		columnShown(rows, c)
			? divergingSegments(
					rows.map((row) => {
						const cell = row.cells[c]!;
						return isShown(cell) ? Math.max(0, cell.value) : 0;
					})
				)
			: null
	);
	const extent = Math.max(
		25,
		...columns.flatMap((segments) => (segments ? segments.flatMap((segment) => [Math.abs(segment.from), Math.abs(segment.to)]) : []))
	);
	const bound = Math.min(100, Math.ceil(extent / 25) * 25);
	const step = bound === 100 ? 50 : 25;
	const scale = linear([-bound, bound], margin, width - margin);
	const key = legend(rows.map((row, i) => ({ label: row.label, fill: fills[i]!.fill })), margin);
	let y = margin + key.height + 4;
	const top = y;
	const bars = input.table.columns.map((column, c) => {
		const label = rowLabel(column.label, y);
		y += label.height;
		const segments = columns[c];
		const bar = segments
			? segments
					.filter((segment) => segment.value > 0)
					.map((segment) => {
						const x = scale(segment.from);
						return barSegment({
							key: rows[segment.index]!.key,
							x,
							y,
							width: scale(segment.to) - x,
							height: barHeight,
							fill: fills[segment.index]!.fill,
							colour: colours[segment.index]!,
							shown: formatValue(input.table.measure, segment.value, input.locale)
						});
					})
					.join('')
			: notShownMark(input, columnReason(rows, c), margin, y, width - 2 * margin, barHeight);
		const centre = el('line', { x1: scale(0), x2: scale(0), y1: y - 3, y2: y + barHeight + 3, stroke: ink, 'stroke-width': 1.5 });
		const group = el('g', { 'data-column': column.key }, label.markup + bar + centre);
		y += barHeight + gap;
		return group;
	});
	const axis = valueAxis([-bound, bound], scale, top, y - gap + 4, input.table.measure, input.locale, {
		values: Array.from({ length: (2 * bound) / step + 1 }, (_, i) => -bound + i * step),
		absolute: true
	});
	const body = key.markup + axis.markup + bars.join('');
	return svgFrame(input, y - gap + 4 + axis.height + margin, 'diverging', fills.map((fill) => fill.defs).join(''), body);
}
