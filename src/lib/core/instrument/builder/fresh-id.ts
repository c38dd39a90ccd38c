import type { Instrument } from '../instrument.ts';
import type { ItemKind } from '../items.ts';

/**
 * Fresh ids for new items, rows and sections. An id must never come back with a new meaning
 * (rounds compare on ids across versions, ADR 0010), so callers pass `reserved`: the ids of every
 * earlier version, including items a later draft deleted.
 */
const kindPrefixes: Record<ItemKind, string> = {
	single_choice: 'choice',
	multiple_choice: 'choices',
	rating: 'rating',
	matrix: 'matrix',
	importance_performance: 'pair',
	libqual: 'libqual',
	nps: 'nps',
	school_grade: 'grade',
	happy_index: 'happy',
	checklist: 'check',
	number: 'number',
	date: 'date',
	short_text: 'text',
	long_text: 'comment',
	info: 'info'
};

/** Every id used for an item or a matrix row of the instrument. */
export function usedItemIds(instrument: Instrument): Set<string> {
	const ids = new Set<string>();
	for (const section of instrument.sections) {
		for (const item of section.items) {
			ids.add(item.id);
			if (item.kind === 'matrix') for (const row of item.rows) ids.add(row.id);
		}
	}
	return ids;
}

/** `prefix-1`, `prefix-2`, … : the first one not in `taken`. */
export function firstFree(prefix: string, taken: ReadonlySet<string>): string {
	for (let n = 1; ; n++) {
		const candidate = `${prefix}-${n}`;
		if (!taken.has(candidate)) return candidate;
	}
}

export function freshItemId(instrument: Instrument, kind: ItemKind, reserved: Iterable<string> = []): string {
	return firstFree(kindPrefixes[kind], new Set([...usedItemIds(instrument), ...reserved]));
}

export function freshSectionId(instrument: Instrument, reserved: Iterable<string> = []): string {
	return firstFree('section', new Set([...instrument.sections.map((section) => section.id), ...reserved]));
}
