import { z } from 'zod';

/**
 * Instrument wording is data, not UI messages: every text a respondent reads is a LocalizedText
 * with the instrument's base language required and the other languages optional.
 */
export const instrumentLanguages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof instrumentLanguages)[number];

/** An instrument is written first in Finnish, or in Swedish for a Swedish-speaking municipality. */
export const baseLanguages = ['fi', 'sv'] as const;
export type BaseLanguage = (typeof baseLanguages)[number];

export const localizedTextSchema = z.strictObject({
	fi: z.string().optional(),
	sv: z.string().optional(),
	en: z.string().optional()
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** True when the text has non-blank wording in `language`. */
export function hasText(text: LocalizedText | undefined, language: Language): boolean {
	return (text?.[language] ?? '').trim() !== '';
}

/**
 * The wording to show in `locale`: the requested language, then the instrument's base language,
 * then Finnish, Swedish and English, so a missing translation shows the original instead of
 * nothing. Returns '' only when the text is empty in every language.
 *
 * @example localize({ fi: 'Kiitos', en: 'Thank you' }, 'sv', 'fi') // 'Kiitos'
 */
export function localize(text: LocalizedText | undefined, locale: Language, baseLanguage: BaseLanguage): string {
	if (!text) return '';
	for (const language of [locale, baseLanguage, 'fi', 'sv', 'en'] as const) {
		const value = text[language];
		if (value !== undefined && value.trim() !== '') return value;
	}
	return '';
}

/** The languages of `wanted` in which `text` has no wording (for translation checks). */
export function missingLanguages(text: LocalizedText | undefined, wanted: readonly Language[]): Language[] {
	return wanted.filter((language) => !hasText(text, language));
}
