import { respondentsItem, type CubeRow } from './cube.ts';

/**
 * Cube rows summed into slices: everything the report knows about one group of respondents (a
 * unit in a round, maybe narrowed to segment values), as n, Σx and Σx² per item × facet × value.
 * Slices add (a derived group is the sum of its values) and subtract (the rest of a comparison
 * unit is the unit minus the report's scope), because counts and sums do.
 */
export interface Agg {
	n: number;
	sum: number;
	sumSq: number;
}

export interface Slice {
	respondents: number;
	/** `${itemId}\u0000${facet}` → value code → sums. */
	cells: Map<string, Map<string, Agg>>;
}

export const emptySlice = (): Slice => ({ respondents: 0, cells: new Map() });

const cellKey = (itemId: string, facet: string) => `${itemId}\u0000${facet}`;

/** The values of one item × facet in a slice (an empty map when nobody answered). */
export function valuesOf(slice: Slice, itemId: string, facet: string): ReadonlyMap<string, Agg> {
	return slice.cells.get(cellKey(itemId, facet)) ?? new Map();
}

export function aggOf(slice: Slice, itemId: string, facet: string, valueCode: string): Agg {
	return valuesOf(slice, itemId, facet).get(valueCode) ?? { n: 0, sum: 0, sumSq: 0 };
}

function addInto(slice: Slice, itemId: string, facet: string, valueCode: string, agg: Agg, sign: 1 | -1): void {
	if (itemId === respondentsItem && facet === '' && valueCode === '') {
		slice.respondents += sign * agg.n;
		return;
	}
	const key = cellKey(itemId, facet);
	let values = slice.cells.get(key);
	if (!values) slice.cells.set(key, (values = new Map()));
	const before = values.get(valueCode) ?? { n: 0, sum: 0, sumSq: 0 };
	values.set(valueCode, { n: before.n + sign * agg.n, sum: before.sum + sign * agg.sum, sumSq: before.sumSq + sign * agg.sumSq });
}

/**
 * Indexes cube rows by group × round × segment value, so that a report asks for its slices
 * without walking the rows again.
 */
export class CubeIndex {
	readonly #slices = new Map<string, Slice>();
	readonly #segmentValues = new Map<string, Set<string>>();

	/** Whether the rows were split by a segment (then '' is "no value", not "everyone"). */
	readonly segmented: boolean;

	constructor(rows: readonly CubeRow[], segmented: boolean) {
		this.segmented = segmented;
		for (const row of rows) {
			const key = CubeIndex.#key(row.group, row.roundId, row.segmentValue);
			let slice = this.#slices.get(key);
			if (!slice) this.#slices.set(key, (slice = emptySlice()));
			addInto(slice, row.itemId, row.facet, row.valueCode, row, 1);
			const valuesKey = CubeIndex.#key(row.group, row.roundId, '');
			let values = this.#segmentValues.get(valuesKey);
			if (!values) this.#segmentValues.set(valuesKey, (values = new Set()));
			values.add(row.segmentValue);
		}
	}

	static #key(group: string, roundId: number, segmentValue: string): string {
		return `${group}\u0000${roundId}\u0000${segmentValue}`;
	}

	/** The slice of a group in a round: all of it (`values` null) or only these segment values. */
	slice(group: string, roundId: number, values: readonly string[] | null = null): Slice {
		if (values !== null) return this.#sumOf(group, roundId, values);
		return this.segmented ? this.#sumOf(group, roundId, [...this.segmentValues(group, roundId)]) : this.#sumOf(group, roundId, ['']);
	}

	/** The segment values that occur for a group in a round. */
	segmentValues(group: string, roundId: number): ReadonlySet<string> {
		return this.#segmentValues.get(CubeIndex.#key(group, roundId, '')) ?? new Set();
	}

	#sumOf(group: string, roundId: number, values: readonly string[]): Slice {
		return addSlices(values.map((value) => this.#slices.get(CubeIndex.#key(group, roundId, value)) ?? emptySlice()));
	}
}

export function addSlices(slices: readonly Slice[]): Slice {
	const result = emptySlice();
	for (const slice of slices) mergeInto(result, slice, 1);
	return result;
}

/** `a − b`, for the part of a unit outside the scope it contains (never shown; only tested). */
export function subtractSlice(a: Slice, b: Slice): Slice {
	const result = addSlices([a]);
	mergeInto(result, b, -1);
	return result;
}

function mergeInto(target: Slice, source: Slice, sign: 1 | -1): void {
	target.respondents += sign * source.respondents;
	for (const [key, values] of source.cells) {
		const [itemId = '', facet = ''] = key.split('\u0000');
		for (const [valueCode, agg] of values) addInto(target, itemId, facet, valueCode, agg, sign);
	}
}
