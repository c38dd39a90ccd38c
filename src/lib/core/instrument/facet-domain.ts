import { ipFacets, libqualFacets, naValue } from './answers.ts';
import type { AnswerableItem } from './items.ts';
import { choiceCodes, type OptionSources } from './options.ts';
import { fixedRanges, scaleValues, valuesBetween } from './scale.ts';

/**
 * What a show-if reference to an item (and facet) can compare against: a closed list of values,
 * `'any'` (free values: numbers, dates, text, options filled at run time), or `undefined` when the
 * item has no such facet. Compound items (matrix, importance × performance, LibQUAL) are compared
 * per facet; the item itself can only be tested with `answered`.
 */
export type RefDomain = { values: readonly (string | number)[] | 'any' } | { compound: true };

export function refDomain(item: AnswerableItem, facet: string, sources?: OptionSources): RefDomain | undefined {
	const withNa = (values: number[], allowNa: boolean | undefined) => (allowNa ? [...values, naValue] : values);
	if (item.kind === 'matrix') {
		if (facet === '') return { compound: true };
		return item.rows.some((row) => row.id === facet) ? { values: withNa(scaleValues(item.scale), item.allowNa) } : undefined;
	}
	if (item.kind === 'importance_performance') {
		if (facet === '') return { compound: true };
		if (facet === 'importance') return { values: withNa(scaleValues(item.importance), item.allowNa) };
		if (facet === 'performance') return { values: withNa(scaleValues(item.performance), item.allowNa) };
		return undefined;
	}
	if (item.kind === 'libqual') {
		if (facet === '') return { compound: true };
		const { min, max } = fixedRanges.libqual;
		return (libqualFacets as readonly string[]).includes(facet) ? { values: withNa(valuesBetween(min, max), item.allowNa) } : undefined;
	}
	if (facet !== '') return undefined;
	switch (item.kind) {
		case 'single_choice':
		case 'multiple_choice':
			return { values: item.optionsFrom && !sources ? 'any' : choiceCodes(item, sources) };
		case 'rating':
			return { values: withNa(scaleValues(item.scale), item.allowNa) };
		case 'nps':
		case 'school_grade':
		case 'happy_index':
			return { values: valuesBetween(fixedRanges[item.kind].min, fixedRanges[item.kind].max) };
		case 'checklist':
			return { values: item.allowNa ? ['yes', 'no', naValue] : ['yes', 'no'] };
		default:
			return { values: 'any' };
	}
}

/** The facets an item's answer rows carry ('' for a single value). */
export function compoundFacets(item: AnswerableItem): readonly string[] {
	if (item.kind === 'matrix') return item.rows.map((row) => row.id);
	if (item.kind === 'importance_performance') return ipFacets;
	if (item.kind === 'libqual') return libqualFacets;
	return [''];
}

/** Equality of answer and condition values: numerically when both are numbers, else as text. */
export function sameValue(a: string | number, b: string | number): boolean {
	const x = typeof a === 'number' ? a : numeric(a);
	const y = typeof b === 'number' ? b : numeric(b);
	if (x !== undefined && y !== undefined) return x === y;
	return String(a) === String(b);
}

function numeric(value: string): number | undefined {
	return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
}

/**
 * The numeric range of the values stored under a facet, for means, top-box shares and gaps: the
 * item's scale (or the row's, the importance or performance scale), the fixed range of NPS, school
 * grade, smileys and LibQUAL levels, 0–1 for checklist items (1 = yes), the limits of a number
 * item (which may be open). Undefined for choices, dates, text and unknown facets.
 */
export function facetRange(item: AnswerableItem, facet: string): { min?: number; max?: number } | undefined {
	switch (item.kind) {
		case 'rating':
			return facet === '' ? { min: item.scale.min, max: item.scale.max } : undefined;
		case 'matrix':
			return item.rows.some((row) => row.id === facet) ? { min: item.scale.min, max: item.scale.max } : undefined;
		case 'importance_performance': {
			const scale = facet === 'importance' ? item.importance : facet === 'performance' ? item.performance : undefined;
			return scale && { min: scale.min, max: scale.max };
		}
		case 'libqual':
			return (libqualFacets as readonly string[]).includes(facet) ? { ...fixedRanges.libqual } : undefined;
		case 'nps':
		case 'school_grade':
		case 'happy_index':
			return facet === '' ? { ...fixedRanges[item.kind] } : undefined;
		case 'checklist':
			return facet === '' ? { min: 0, max: 1 } : undefined;
		case 'number':
			return facet === '' ? { ...(item.min === undefined ? {} : { min: item.min }), ...(item.max === undefined ? {} : { max: item.max }) } : undefined;
		default:
			return undefined;
	}
}
