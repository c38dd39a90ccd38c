import type { SuppressionReason } from './model.ts';

/**
 * Small-group and complementary suppression (ADR 0018), decided once per table of groups.
 *
 * A group (a column: a library, a segment value, a derived group …) has sizes, one per count its
 * figures rest on (respondents, answers incl. N/A, valid answers …). Primary suppression hides a
 * group when any size is above 0 and under the minimum ('small'), and marks a group nobody
 * answered as 'empty'.
 *
 * A relation says that a total equals its parts plus a remainder that is not a column: a
 * municipality and its libraries, a library's scope total and its segment values, a derived group
 * and its members, a comparison unit and the scope inside it, or an unfiltered total shown in
 * another report and the filtered group shown here. Whatever is not visible among the parts can
 * be computed as the total minus the visible parts. Complementary suppression repeats, until
 * nothing changes: for every relation whose total is visible and every size, if
 * 0 < total − Σ visible parts < minimum, one more group is hidden ('complementary'): the total
 * when the relation says so (a comparison unit around the report's own scope), else the smallest
 * visible part that holds answers, else the total. Hidden groups stay hidden, so the loop ends.
 * The rule is greedy (it may hide more than the fewest possible groups), never lenient.
 *
 * @example
 * // A municipality (col 0) with libraries of 40, 3 and 9 answers: 3 is small; 40 − 9 − … would
 * // give it away, so the next smallest (9) is hidden too.
 * suppressGroups([[52], [40], [3], [9]], [{ total: 0, parts: [1, 2, 3], hide: 'parts' }], 5)
 * // → [null, null, 'small', 'complementary']
 */
export interface Relation {
	/** The column holding the total, or the sizes of a total shown elsewhere (always visible). */
	total: number | readonly number[];
	parts: readonly number[];
	/** What to hide when the remainder is too small: a part (default) or the total column. */
	hide?: 'parts' | 'total';
}

export type Decision = SuppressionReason | null;

export function suppressGroups(sizes: readonly (readonly number[])[], relations: readonly Relation[], minGroupSize: number): Decision[] {
	const decisions: Decision[] = sizes.map((metrics) => primary(metrics, minGroupSize));
	const visible = (column: number) => decisions[column] === null;
	const width = Math.max(0, ...sizes.map((metrics) => metrics.length));
	// Relations with fewer parts first: hiding a member of a small derived group usually settles the
	// larger relations too, which hides fewer groups than starting from the total.
	const ordered = [...relations].sort((a, b) => a.parts.length - b.parts.length);
	let changed = true;
	while (changed) {
		changed = false;
		for (const relation of ordered) {
			const totalSizes = typeof relation.total === 'number' ? sizes[relation.total] : relation.total;
			if (!totalSizes || (typeof relation.total === 'number' && !visible(relation.total))) continue;
			for (let metric = 0; metric < width; metric++) {
				const shown = relation.parts.filter(visible).reduce((sum, part) => sum + (sizes[part]?.[metric] ?? 0), 0);
				const remainder = (totalSizes[metric] ?? 0) - shown;
				if (!(remainder > 0 && remainder < minGroupSize)) continue;
				const column = columnToHide(relation, metric, sizes, visible);
				if (column === null) continue;
				decisions[column] = 'complementary';
				changed = true;
				break;
			}
		}
	}
	return decisions;
}

function primary(metrics: readonly number[], minGroupSize: number): Decision {
	if (metrics.every((size) => size <= 0)) return 'empty';
	return metrics.some((size) => size > 0 && size < minGroupSize) ? 'small' : null;
}

function columnToHide(relation: Relation, metric: number, sizes: readonly (readonly number[])[], visible: (column: number) => boolean): number | null {
	const totalColumn = typeof relation.total === 'number' ? relation.total : null;
	if (relation.hide === 'total' && totalColumn !== null) return totalColumn;
	let smallest: number | null = null;
	for (const part of relation.parts) {
		const size = sizes[part]?.[metric] ?? 0;
		if (!visible(part) || size <= 0) continue;
		if (smallest === null || size < (sizes[smallest]?.[metric] ?? 0)) smallest = part;
	}
	return smallest ?? totalColumn;
}
