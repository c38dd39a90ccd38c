/**
 * A radar chart, for LibQUAL only (its hallmark, though hard to read: the page always shows the
 * aligned gap bars and the table too). Rows are the axes, columns the series (e.g. minimum, desired
 * and perceived), each with its own colour, dash pattern and marker. A value that is not shown
 * leaves its axis without a vertex and opens the outline there; the legend says so.
 */
import { isShown } from '../model.ts';
import { domainFor, shownFigures, type ChartInput } from './chart-data.ts';
import { fontSize, legend, margin, marker, multilineLabel, svgFrame, ticks, width } from './frame.ts';
import { gridLine, markerShapes, muted, seriesColours } from './palette.ts';
import { el, text } from './svg.ts';
import { formatValue } from '../format.ts';

const dashes = [undefined, '7 4', '2 3', '9 3 2 3', '4 2', undefined];

export function radarChart(input: ChartInput): string {
	const { rows, columns, measure } = input.table;
	const domain = domainFor(measure, input.chart.points, shownFigures(rows));
	const entries = columns.map((column, c) => {
		const hidden = rows.some((row) => {
			const cell = row.cells[c];
			return !cell || !isShown(cell);
		});
		return {
			label: hidden ? `${column.label} (${input.words.notShown})` : column.label,
			marker: { shape: markerShapes[c % markerShapes.length]!, colour: seriesColours[c % seriesColours.length]! }
		};
	});
	const key = legend(entries, margin);
	const labelRoom = 88;
	const radius = width / 2 - labelRoom - margin;
	const cx = width / 2;
	const cy = margin + key.height + labelRoom / 2 + radius;
	const count = Math.max(rows.length, 3);
	const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
	const at = (i: number, value: number) => {
		const r = ((value - domain[0]) / (domain[1] - domain[0] || 1)) * radius;
		return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))] as const;
	};
	const rings = ticks(domain, 4)
		.filter((value) => value > domain[0])
		.map((value) => {
			const points = Array.from({ length: count }, (_, i) => at(i, value).join(',')).join(' ');
			const [, ly] = at(0, value);
			return el('polygon', { points, fill: 'none', stroke: gridLine, 'stroke-width': 0.5 }) + text(formatValue(measure, value, input.locale), { x: cx + 4, y: ly - 2, fill: muted, 'font-size': fontSize - 3 });
		});
	const spokes = rows.map((row, i) => {
		const [x, y] = at(i, domain[1]);
		const cos = Math.cos(angle(i));
		const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
		const lx = cx + (radius + 8) * cos;
		const ly = cy + (radius + 8) * Math.sin(angle(i)) + (Math.sin(angle(i)) > 0.2 ? fontSize : Math.sin(angle(i)) < -0.2 ? -fontSize : 4);
		return el('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: gridLine, 'stroke-width': 0.5 }) + multilineLabel(row.label, lx, ly, anchor === 'start' ? width - margin - lx : anchor === 'end' ? lx - margin : 2 * Math.min(lx - margin, width - margin - lx), anchor, Math.sin(angle(i)) < -0.2 ? 'up' : 'down');
	});
	const series = columns.map((column, c) => {
		const colour = seriesColours[c % seriesColours.length]!;
		const vertices = rows.map((row, i) => {
			const cell = row.cells[c];
			return cell && isShown(cell) ? at(i, cell.value) : null;
		});
		const complete = vertices.every((vertex) => vertex !== null);
		const outline = complete
			? el('polygon', { points: vertices.map((vertex) => vertex!.join(',')).join(' '), fill: colour, 'fill-opacity': 0.08, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dashes[c % dashes.length] })
			: vertices
					.map((vertex, i) => {
						const next = vertices[(i + 1) % vertices.length];
						return vertex && next ? el('line', { x1: vertex[0], y1: vertex[1], x2: next[0], y2: next[1], stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dashes[c % dashes.length] }) : '';
					})
					.join('');
		const marks = vertices.map((vertex) => (vertex ? marker(markerShapes[c % markerShapes.length]!, vertex[0], vertex[1], 4.5, colour) : '')).join('');
		return el('g', { 'data-column': column.key, 'data-complete': complete ? 'true' : 'false' }, outline + marks);
	});
	const height = cy + radius + labelRoom / 2 + margin;
	return svgFrame(input, height, 'radar', '', key.markup + el('g', {}, rings.join('') + spokes.join('')) + series.join(''));
}

