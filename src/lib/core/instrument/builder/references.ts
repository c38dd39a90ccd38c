import { conditionLeaves, parseRef, type Condition } from '../condition.ts';
import type { Instrument } from '../instrument.ts';

/** Where a show-if condition refers to one of `itemIds`: the item or section that holds it. */
export interface Reference {
	/** The item whose show-if refers, or undefined for a section's show-if. */
	itemId?: string;
	sectionId: string;
	path: string;
	/** The item referred to. */
	target: string;
}

function targets(condition: Condition | undefined, itemIds: ReadonlySet<string>): string[] {
	if (!condition) return [];
	return conditionLeaves(condition)
		.map(({ ref }) => parseRef(ref).itemId)
		.filter((id) => itemIds.has(id));
}

/** Every show-if outside `itemIds` that refers to one of them (so they cannot go away yet). */
export function referencesTo(instrument: Instrument, itemIds: ReadonlySet<string>): Reference[] {
	const found: Reference[] = [];
	instrument.sections.forEach((section, sectionIndex) => {
		for (const target of targets(section.showIf, itemIds))
			found.push({ sectionId: section.id, path: `sections[${sectionIndex}].showIf`, target });
		section.items.forEach((item, itemIndex) => {
			if (itemIds.has(item.id)) return;
			for (const target of targets(item.showIf, itemIds))
				found.push({ itemId: item.id, sectionId: section.id, path: `sections[${sectionIndex}].items[${itemIndex}].showIf`, target });
		});
	});
	return found;
}
