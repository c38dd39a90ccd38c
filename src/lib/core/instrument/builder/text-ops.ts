import type { Instrument } from '../instrument.ts';
import type { BaseLanguage, Language, LocalizedText } from '../localized-text.ts';
import { instrumentTexts } from '../texts.ts';
import { copyOf, finish, refuse, type BuilderResult } from './builder-result.ts';
import { parsePath, valueAt } from './paths.ts';

/** One wording change from the translations page: the text at `path` in `language`. */
export interface TextChange {
	path: string;
	language: Language;
	/** Blank removes the wording in that language (the respondent then sees the fallback). */
	value: string;
}

/**
 * Sets wordings by path (the paths `instrumentTexts` lists), all at once so that a page of
 * translations is one validated change. Only existing texts can be changed; a blank base-language
 * wording is refused by validation, naming the item.
 */
export function setTexts(instrument: Instrument, changes: readonly TextChange[]): BuilderResult {
	const known = new Map(instrumentTexts(instrument).map((place) => [place.path, place.itemId]));
	const draft = copyOf(instrument);
	for (const change of changes) {
		const parts = parsePath(change.path);
		if (!known.has(change.path) || !parts) return refuse('not_a_text', change.path, `${change.path} is not a text of this instrument.`);
		const text = valueAt(draft, parts) as LocalizedText;
		const value = change.value.trim() === '' ? '' : change.value;
		if (value === '') delete text[change.language];
		else text[change.language] = value;
	}
	return finish(draft);
}

export function setText(instrument: Instrument, path: string, language: Language, value: string): BuilderResult {
	return setTexts(instrument, [{ path, language, value }]);
}

/** The instrument's title, description, base language and offered languages. */
export interface InstrumentSettings {
	title: LocalizedText;
	description?: LocalizedText;
	baseLanguage: BaseLanguage;
	languages: Language[];
}

export function setSettings(instrument: Instrument, settings: InstrumentSettings): BuilderResult {
	const draft = copyOf(instrument);
	draft.title = structuredClone(settings.title);
	if (settings.description && Object.values(settings.description).some((text) => text?.trim())) draft.description = structuredClone(settings.description);
	else delete draft.description;
	draft.baseLanguage = settings.baseLanguage;
	// Offered languages in the canonical order, the base language always among them.
	const offered = new Set<Language>([settings.baseLanguage, ...settings.languages]);
	draft.languages = (['fi', 'sv', 'en'] as const).filter((language) => offered.has(language));
	return finish(draft);
}
