import { z } from 'zod';
import { conditionSchema } from './condition.ts';
import { isAnswerable, itemSchema, type AnswerableItem, type Item } from './items.ts';
import { baseLanguages, instrumentLanguages, localizedTextSchema } from './localized-text.ts';
import { slugPattern } from './vocabulary.ts';

/**
 * An instrument definition (version 1 of the JSON schema): a form in sections (pages), stored as
 * jsonb with `schemaVersion` and read back through `validateInstrument`, which upgrades older
 * versions first (upgrade.ts). A round pins one published version; the versions of one
 * instrument keep their item ids so rounds compare on them.
 */
export const currentSchemaVersion = 1;

export const sectionSchema = z.strictObject({
	id: z.string().regex(slugPattern, 'must be a slug'),
	title: localizedTextSchema,
	intro: localizedTextSchema.optional(),
	/** A hidden section hides all its items; refers to items of earlier sections only. */
	showIf: conditionSchema.optional(),
	items: z.array(itemSchema)
});
export type Section = z.infer<typeof sectionSchema>;

export const instrumentSchema = z.strictObject({
	schemaVersion: z.literal(currentSchemaVersion),
	/** The language every text must have: Finnish, or Swedish for a Swedish-speaking municipality. */
	baseLanguage: z.enum(baseLanguages),
	/** Languages offered to respondents, base language included; others fall back to it. */
	languages: z.array(z.enum(instrumentLanguages)).min(1),
	title: localizedTextSchema,
	description: localizedTextSchema.optional(),
	sections: z.array(sectionSchema).min(1)
});
export type Instrument = z.infer<typeof instrumentSchema>;

export interface PlacedItem {
	item: Item;
	section: Section;
	sectionIndex: number;
	itemIndex: number;
	/** Where the item sits in the JSON, e.g. `sections[1].items[3]`, for messages. */
	path: string;
}

/** Every item in document order with where it sits. */
export function placedItems(instrument: Instrument): PlacedItem[] {
	return instrument.sections.flatMap((section, sectionIndex) =>
		section.items.map((item, itemIndex) => ({
			item,
			section,
			sectionIndex,
			itemIndex,
			path: `sections[${sectionIndex}].items[${itemIndex}]`
		}))
	);
}

/** Every item that takes an answer, in document order. */
export function answerableItems(instrument: Instrument): AnswerableItem[] {
	return instrument.sections.flatMap((section) => section.items.filter(isAnswerable));
}

export function findItem(instrument: Instrument, itemId: string): Item | undefined {
	for (const section of instrument.sections) {
		const item = section.items.find((candidate) => candidate.id === itemId);
		if (item) return item;
	}
	return undefined;
}
