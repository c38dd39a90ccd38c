/**
 * What every chart shares: the `<svg>` frame with its title and description, the legend, the
 * value axis and the mark for a figure that is not shown.
 *
 * Geometry: a fixed viewBox `width` units wide (360), scaled by CSS to its box, so one drawing
 * serves a 320 px phone and a printed A4 page. Labels sit above their bars, not beside them, so
 * the bars keep the full width on a narrow screen.
 */
import type { Locale } from '../../org-types.ts';
import type { Measure } from '../model.ts';
import { formatValue } from '../format.ts';
import { ink, muted, gridLine, textOn, type MarkerShape } from './palette.ts';
import { el, escapeXml, multilineText, text, textWidth, wrapText } from './svg.ts';

export const width = 360;
export const margin = 8;
export const fontSize = 14;
export const lineHeight = 17;
export const fontFamily = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

/** Words a chart needs besides its data; the caller chooses them in the report's language. */
export interface ChartWords {
	/** The mark for a figure that is not shown (no number): "not shown". */
	notShown: string;
	/** Read out after the mark, e.g. "fewer than 5 answers". */
	notShownReason: (reason: 'small' | 'complementary' | 'empty') => string;
}

export interface ChartText {
	/** Unique on the page: ids of the title, description and patterns derive from it. */
	id: string;
	title: string;
	description: string;
	locale: Locale;
	words: ChartWords;
}

/** The `<svg>` element around a drawing, with `role="img"` and its accessible name and description. */
export function svgFrame(chart: ChartText, height: number, kind: string, defs: string, body: string): string {
	const titleId = `${chart.id}-title`;
	const descId = `${chart.id}-desc`;
	return el(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			viewBox: `0 0 ${width} ${Math.ceil(height)}`,
			role: 'img',
			'aria-labelledby': `${titleId} ${descId}`,
			class: `report-chart report-chart-${kind}`,
			'data-chart': kind,
			preserveAspectRatio: 'xMidYMin meet',
			'font-family': fontFamily,
			'font-size': fontSize
		},
		el('title', { id: titleId }, escapeXml(chart.title)) +
			el('desc', { id: descId }, escapeXml(chart.description)) +
			(defs ? el('defs', {}, defs) : '') +
			body
	);
}

/** A label above a bar or a dot line; returns the markup and the height it takes. */
export function rowLabel(label: string, y: number, options: { bold?: boolean; indent?: number } = {}): { markup: string; height: number } {
	const x = margin + (options.indent ?? 0);
	const lines = wrapText(label, width - x - margin, fontSize, 2);
	// A white halo keeps the label readable where grid lines pass behind it.
	const markup = multilineText(lines, x, y + fontSize, lineHeight, {
		fill: ink,
		'font-weight': options.bold ? 700 : undefined,
		stroke: '#ffffff',
		'stroke-width': 3,
		'paint-order': 'stroke'
	});
	return { markup, height: lines.length * lineHeight + 2 };
}

export interface LegendEntry {
	label: string;
	/** A swatch (rect) fill or a series marker. */
	fill?: string;
	marker?: { shape: MarkerShape; colour: string };
}

/** The legend in rows that wrap to the chart width; returns markup and height. */
export function legend(entries: LegendEntry[], y: number): { markup: string; height: number } {
	let x = margin;
	let row = 0;
	const parts: string[] = [];
	for (const entry of entries) {
		const itemWidth = 18 + Math.min(textWidth(entry.label, fontSize - 1), width - 2 * margin - 18) + 12;
		if (x + itemWidth > width - margin && x > margin) {
			x = margin;
			row += 1;
		}
		const top = y + row * (lineHeight + 4);
		const swatch = entry.marker
			? marker(entry.marker.shape, x + 6, top + 7, 5, entry.marker.colour)
			: el('rect', { x, y: top, width: 14, height: 14, fill: entry.fill, stroke: ink, 'stroke-width': 0.75 });
		const label = wrapText(entry.label, width - 2 * margin - 18, fontSize - 1, 1)[0] ?? '';
		parts.push(el('g', { 'data-legend': '' }, swatch + text(label, { x: x + 18, y: top + 11.5, fill: ink, 'font-size': fontSize - 1 })));
		x += itemWidth;
	}
	return { markup: el('g', { class: 'legend' }, parts.join('')), height: entries.length ? (row + 1) * (lineHeight + 4) + 4 : 0 };
}

/** A label of up to three lines anchored at (x, y), growing downwards or (above a chart) upwards. */
export function multilineLabel(label: string, x: number, y: number, maxWidth: number, anchor: 'start' | 'middle' | 'end', grow: 'up' | 'down' = 'down'): string {
	const lines = wrapText(label, maxWidth, fontSize - 1, 3);
	const step = lineHeight - 2;
	const first = grow === 'up' ? y - (lines.length - 1) * step : y;
	return multilineText(lines, x, first, step, { fill: ink, 'text-anchor': anchor, 'font-size': fontSize - 1 });
}

/** A marker shape centred at (cx, cy). */
export function marker(shape: MarkerShape, cx: number, cy: number, r: number, colour: string): string {
	const common = { fill: colour, stroke: '#ffffff', 'stroke-width': 1 };
	switch (shape) {
		case 'circle':
			return el('circle', { cx, cy, r, ...common });
		case 'square':
			return el('rect', { x: cx - r * 0.9, y: cy - r * 0.9, width: r * 1.8, height: r * 1.8, ...common });
		case 'diamond':
			return el('path', { d: `M${cx},${cy - r * 1.25} L${cx + r * 1.25},${cy} L${cx},${cy + r * 1.25} L${cx - r * 1.25},${cy} Z`, ...common });
		case 'triangle':
			return el('path', { d: `M${cx},${cy - r * 1.2} L${cx + r * 1.15},${cy + r * 0.9} L${cx - r * 1.15},${cy + r * 0.9} Z`, ...common });
		case 'cross':
			return el('path', { d: `M${cx - r},${cy - r} L${cx + r},${cy + r} M${cx + r},${cy - r} L${cx - r},${cy + r}`, stroke: colour, 'stroke-width': 2.5, fill: 'none' });
		case 'star':
			return el('path', { d: starPath(cx, cy, r * 1.3), ...common });
	}
}

function starPath(cx: number, cy: number, r: number): string {
	const points = Array.from({ length: 10 }, (_, i) => {
		const angle = (Math.PI / 5) * i - Math.PI / 2;
		const radius = i % 2 === 0 ? r : r * 0.45;
		return `${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`;
	});
	return `M${points.join(' L')} Z`;
}

/**
 * The mark for a figure that is not shown: a dashed empty box with the words "not shown" and no
 * value, so that a reader never mistakes it for zero. `data-suppressed` names the reason.
 */
export function notShownMark(chart: ChartText, reason: 'small' | 'complementary' | 'empty', x: number, y: number, boxWidth: number, height: number): string {
	return el(
		'g',
		{ 'data-suppressed': reason },
		el('title', {}, escapeXml(chart.words.notShownReason(reason))) +
			el('rect', { x, y, width: boxWidth, height, fill: '#ffffff', stroke: muted, 'stroke-width': 1, 'stroke-dasharray': '4 3' }) +
			text(chart.words.notShown, { x: x + 8, y: y + height / 2 + 4.5, fill: ink, 'font-style': 'italic' })
	);
}

/** A linear scale from a domain onto [left, right]. */
export function linear(domain: [number, number], left: number, right: number): (value: number) => number {
	const [low, high] = domain;
	const span = high - low || 1;
	return (value) => left + ((value - low) / span) * (right - left);
}

/** About five round ticks across a domain (1, 2 or 5 × a power of ten apart). */
export function ticks(domain: [number, number], count = 5): number[] {
	const [low, high] = domain;
	const raw = (high - low) / count;
	const power = 10 ** Math.floor(Math.log10(raw || 1));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? raw;
	const first = Math.ceil(low / step - 1e-9) * step;
	const values: number[] = [];
	// (+ 0 turns −0 into 0, which would otherwise print as "−0".)
	for (let value = first; value <= high + 1e-9; value += step) values.push(Math.round(value * 1e6) / 1e6 + 0);
	return values;
}

/** Vertical grid lines with value labels under them; returns markup and height. */
export function valueAxis(
	domain: [number, number],
	scale: (value: number) => number,
	top: number,
	bottom: number,
	measure: Measure,
	locale: Locale,
	options: { values?: number[]; absolute?: boolean } = {}
): { markup: string; height: number } {
	const values = options.values ?? ticks(domain);
	const parts = values.map((value) => {
		const x = scale(value);
		const label = formatValue(measure, options.absolute ? Math.abs(value) : value, locale);
		const anchor = x < margin + 20 ? 'start' : x > width - margin - 20 ? 'end' : 'middle';
		return (
			el('line', { x1: x, x2: x, y1: top, y2: bottom, stroke: gridLine, 'stroke-width': value === 0 ? 1.25 : 0.5, 'stroke-dasharray': value === 0 ? undefined : '2 3' }) +
			text(label, { x, y: bottom + 14, 'text-anchor': anchor, fill: muted, 'font-size': fontSize - 2 })
		);
	});
	return { markup: el('g', { class: 'axis', 'aria-hidden': 'true' }, parts.join('')), height: 20 };
}

/**
 * One segment of a stacked or diverging bar: its patterned rectangle, and its value inside in a
 * colour readable on the segment when the text fits.
 */
export function barSegment(segment: { key: string; x: number; y: number; width: number; height: number; fill: string; colour: string; shown: string }): string {
	const { key, x, y, width: w, height, fill, colour, shown } = segment;
	const fits = textWidth(shown, fontSize - 1) + 6 <= w;
	return el(
		'g',
		{ 'data-segment': key },
		el('rect', { x, y, width: w, height, fill, stroke: ink, 'stroke-width': 0.75 }) +
			(fits
				? text(shown, {
						x: x + w / 2,
						y: y + height / 2 + 4.5,
						'text-anchor': 'middle',
						fill: textOn(colour),
						stroke: colour,
						'stroke-width': 3,
						'paint-order': 'stroke',
						'font-size': fontSize - 1
					})
				: '')
	);
}

