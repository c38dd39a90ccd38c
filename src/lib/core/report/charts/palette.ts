/**
 * Colours and patterns of the report charts. Colour never carries meaning alone: segments carry
 * value labels and hatching, series carry marker shapes, and every chart has its data table beside
 * it. Palettes are colour-blind safe: ColorBrewer PuOr for scales (orange for the low end, purple
 * for the high end, grey for the neutral point) and Okabe & Ito's eight colours for categories
 * and series. Text on a fill is black or white, whichever contrasts more (WCAG 2.1 formula), and
 * every shape has a dark outline so its edge keeps a 3:1 contrast with the white page.
 */
import { el, type Attributes } from './svg.ts';

export const ink = '#1a1a1a';
export const muted = '#4f4f4f';
export const gridLine = '#8a8a8a';
export const neutralFill = '#d9d9d9';

/** PuOr sides by how many points each side of a scale has, strongest first (ColorBrewer). */
const lowSides: Record<number, string[]> = {
	1: ['#e66101'],
	2: ['#e66101', '#fdb863'],
	3: ['#b35806', '#f1a340', '#fee0b6'],
	4: ['#b35806', '#e08214', '#fdb863', '#fee0b6'],
	5: ['#7f3b08', '#b35806', '#e08214', '#fdb863', '#fee0b6']
};
const highSides: Record<number, string[]> = {
	1: ['#5e3c99'],
	2: ['#b2abd2', '#5e3c99'],
	3: ['#d8daeb', '#998ec3', '#542788'],
	4: ['#d8daeb', '#b2abd2', '#8073ac', '#542788'],
	5: ['#d8daeb', '#b2abd2', '#8073ac', '#542788', '#2d004b']
};

/** Which side of a scale's neutral point each point lies on. */
export type ScaleSide = 'low' | 'neutral' | 'high';

export function scaleSide(index: number, count: number): ScaleSide {
	const middle = (count - 1) / 2;
	return index < middle ? 'low' : index > middle ? 'high' : 'neutral';
}

/** Fill colours for the points of an ordered scale, lowest first. */
export function scaleColours(count: number): string[] {
	const side = Math.min(5, Math.max(1, Math.floor(count / 2)));
	const low = lowSides[side]!;
	const high = highSides[side]!;
	return Array.from({ length: count }, (_, i) => {
		const position = scaleSide(i, count);
		if (position === 'neutral') return neutralFill;
		if (position === 'low') return low[Math.min(i, low.length - 1)]!;
		const fromTop = count - 1 - i;
		return high[Math.max(0, high.length - 1 - fromTop)]!;
	});
}

/** Okabe & Ito (2008), the colour-universal-design palette. */
export const categoryColours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

/**
 * Series (groups in dot, gap and radar charts): the Okabe–Ito colours with at least 3:1 contrast on
 * white (orange swapped for a dark gold), each with its own marker shape.
 */
export const seriesColours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#1a1a1a', '#8a6d00'];
export const markerShapes = ['circle', 'square', 'diamond', 'triangle', 'cross', 'star'] as const;
export type MarkerShape = (typeof markerShapes)[number];

function channel(value: number): number {
	const c = value / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
	const value = Number.parseInt(hex.slice(1), 16);
	return 0.2126 * channel((value >> 16) & 255) + 0.7152 * channel((value >> 8) & 255) + 0.0722 * channel(value & 255);
}

export function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

/** Black or white text on a fill, whichever has the higher contrast. */
export function textOn(fill: string): string {
	return contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/** Hatching patterns, so that neighbouring fills differ by more than colour. */
export type PatternKind = 'none' | 'down' | 'up' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'grid';
const categoryPatterns: PatternKind[] = ['none', 'up', 'dots', 'down', 'horizontal', 'cross', 'vertical', 'grid'];

/** The hatching of category `index`; past the eighth colour the hatchings shift, so no two categories look alike. */
export function categoryPattern(index: number): PatternKind {
	return categoryPatterns[(index + Math.floor(index / categoryColours.length)) % categoryPatterns.length]!;
}

/** Scales: the low side hatched one way, the high side the other, the neutral point plain. */
export function scalePattern(index: number, count: number): PatternKind {
	const side = scaleSide(index, count);
	return side === 'low' ? 'down' : side === 'high' ? 'up' : 'none';
}

function patternShape(kind: Exclude<PatternKind, 'none'>, stroke: string): string {
	const line = (d: string) => el('path', { d, stroke, 'stroke-width': 1.5, fill: 'none' });
	switch (kind) {
		case 'down':
			return line('M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4');
		case 'up':
			return line('M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4');
		case 'dots':
			return el('circle', { cx: 4, cy: 4, r: 1.4, fill: stroke });
		case 'cross':
			return line('M0,0 l8,8 M8,0 l-8,8');
		case 'horizontal':
			return line('M0,4 h8');
		case 'vertical':
			return line('M4,0 v8');
		case 'grid':
			return line('M0,4 h8 M4,0 v8');
	}
}

/**
 * A fill with its hatching as a `<pattern>`; returns the definition and the `fill` to use. The
 * hatching is drawn in the text colour of the fill at partial opacity, so it shows on light and
 * dark fills alike without hiding labels (which carry a halo in the fill colour).
 */
export function patternFill(id: string, colour: string, kind: PatternKind): { defs: string; fill: string } {
	if (kind === 'none') return { defs: '', fill: colour };
	const stroke = textOn(colour);
	const attrs: Attributes = { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' };
	const body = el('rect', { width: 8, height: 8, fill: colour }) + el('g', { opacity: 0.45 }, patternShape(kind, stroke));
	return { defs: el('pattern', attrs, body), fill: `url(#${id})` };
}
