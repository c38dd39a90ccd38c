import type { Instrument } from './instrument.ts';
import { joinPath } from './instrument-issues.ts';
import { missingLanguages, type Language, type LocalizedText } from './localized-text.ts';

/** A piece of respondent-facing wording and where it sits in the definition. */
export interface TextPlace {
	path: string;
	itemId?: string;
	text: LocalizedText;
}

// Keys that hold LocalizedText (or lists of it) in a version 1 definition.
const textKeys = new Set([
	'title',
	'intro',
	'description',
	'text',
	'help',
	'label',
	'lowLabel',
	'highLabel',
	'naLabel',
	'unit',
	'importanceLabel',
	'performanceLabel'
]);
const textListKeys = new Set(['pointLabels', 'labels', 'list']);

/** Every text of the instrument: its title, sections and every text inside every item. */
export function instrumentTexts(instrument: Instrument): TextPlace[] {
	const places: TextPlace[] = [];
	collect(instrument.title, 'title', undefined, places);
	if (instrument.description) collect(instrument.description, 'description', undefined, places);
	instrument.sections.forEach((section, sectionIndex) => {
		const sectionPath = joinPath('sections', sectionIndex);
		collect(section.title, joinPath(sectionPath, 'title'), undefined, places);
		if (section.intro) collect(section.intro, joinPath(sectionPath, 'intro'), undefined, places);
		section.items.forEach((item, itemIndex) => {
			walk(item, joinPath(sectionPath, 'items', itemIndex), item.id, places);
		});
	});
	return places;
}

function collect(text: LocalizedText, path: string, itemId: string | undefined, places: TextPlace[]): void {
	places.push(itemId === undefined ? { path, text } : { path, itemId, text });
}

function walk(value: unknown, path: string, itemId: string, places: TextPlace[]): void {
	if (typeof value !== 'object' || value === null) return;
	if (Array.isArray(value)) {
		value.forEach((entry, index) => walk(entry, joinPath(path, index), itemId, places));
		return;
	}
	for (const [key, entry] of Object.entries(value)) {
		if (key === 'showIf' || entry === undefined) continue;
		const entryPath = joinPath(path, key);
		if (textKeys.has(key)) collect(entry as LocalizedText, entryPath, itemId, places);
		else if (textListKeys.has(key) && Array.isArray(entry))
			entry.forEach((text, index) => collect(text as LocalizedText, joinPath(entryPath, index), itemId, places));
		else walk(entry, entryPath, itemId, places);
	}
}

export interface MissingTranslation {
	path: string;
	itemId?: string;
	languages: Language[];
}

/**
 * Texts that lack wording in any of `languages` (default: the languages the instrument offers).
 * Not an error in a draft (the respondent sees the base language instead), but shipped templates
 * and published instruments should have none.
 */
export function missingTranslations(
	instrument: Instrument,
	languages: readonly Language[] = instrument.languages
): MissingTranslation[] {
	return instrumentTexts(instrument).flatMap(({ path, itemId, text }) => {
		const missing = missingLanguages(text, languages);
		if (missing.length === 0) return [];
		return [itemId === undefined ? { path, languages: missing } : { path, itemId, languages: missing }];
	});
}
