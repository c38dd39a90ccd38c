/**
 * Dot plots with interval whiskers: a mean, share or index per group, its 95 % interval as a line
 * with end caps. Groups (columns) differ by colour and marker shape; where a table has several
 * rows, each row is a block with its label as a heading.
 */
import { isShown, type Figure } from '../model.ts';
import { formatValue } from '../format.ts';
import { domainFor, shownFigures, type ChartInput } from './chart-data.ts';
import { fontSize, legend, linear, margin, marker, notShownMark, rowLabel, svgFrame, valueAxis, width } from './frame.ts';
import { ink, markerShapes, seriesColours } from './palette.ts';
import { el, text, textWidth } from './svg.ts';

const lineHeight = 22;

export function dotPlot(input: ChartInput): string {
	// Points give the scale's range here; the rows are the things measured, all of them drawn.
	const rows = input.table.rows;
	const { measure } = input.table;
	const domain = domainFor(measure, input.chart.points, shownFigures(rows));
	const scale = linear(domain, margin + 6, width - margin - 6);
	const columns = input.table.columns;
	const several = columns.length > 1;
	const key = several
		? legend(columns.map((column, c) => ({ label: column.label, marker: { shape: markerShapes[c % markerShapes.length]!, colour: seriesColours[c % seriesColours.length]! } })), margin)
		: { markup: '', height: 0 };
	let y = margin + key.height + 4;
	const top = y;
	const blocks = rows.map((row) => {
		const parts: string[] = [];
		if (rows.length > 1 || !several) {
			const label = rowLabel(rows.length > 1 ? row.label : columns[0]!.label, y, { bold: rows.length > 1 });
			parts.push(label.markup);
			y += label.height;
		}
		row.cells.forEach((cell, c) => {
			if (several) {
				const label = rowLabel(columns[c]!.label, y, { indent: rows.length > 1 ? 8 : 0 });
				parts.push(label.markup);
				y += label.height;
			}
			parts.push(el('g', { 'data-column': columns[c]!.key }, dot(input, cell, c, scale, y + lineHeight / 2)));
			y += lineHeight + 6;
		});
		return el('g', { 'data-row': row.key }, parts.join(''));
	});
	const axis = valueAxis(domain, scale, top, y, measure, input.locale);
	return svgFrame(input, y + axis.height + margin, 'dots', '', key.markup + axis.markup + blocks.join(''));
}

function dot(input: ChartInput, cell: Figure, c: number, scale: (value: number) => number, cy: number): string {
	if (!isShown(cell)) return notShownMark(input, cell.suppressed, margin, cy - 11, 150, 22);
	const colour = seriesColours[c % seriesColours.length]!;
	const cx = scale(cell.value);
	const whisker = cell.interval
		? el('path', {
				d: `M${scale(cell.interval.low)},${cy} H${scale(cell.interval.high)} M${scale(cell.interval.low)},${cy - 6} v12 M${scale(cell.interval.high)},${cy - 6} v12`,
				stroke: ink,
				'stroke-width': 1.5,
				fill: 'none'
			})
		: '';
	const label = formatValue(input.table.measure, cell.value, input.locale);
	const right = Math.max(cx, cell.interval ? scale(cell.interval.high) : cx) + 8;
	const left = Math.min(cx, cell.interval ? scale(cell.interval.low) : cx) - 8;
	const onRight = right + textWidth(label, fontSize) <= width - margin;
	const valueText = text(label, { x: onRight ? right : left, y: cy + 4.5, 'text-anchor': onRight ? 'start' : 'end', fill: ink, 'font-weight': 600 });
	return whisker + marker(markerShapes[c % markerShapes.length]!, cx, cy, 6, colour) + valueText;
}
