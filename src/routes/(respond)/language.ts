import type { Language } from '#lib/core/instrument/localized-text.ts';

/** The cookie the staff app's switcher also uses, so a choice made on either side carries over. */
export const languageCookie = 'aspa_lang';

/**
 * The language of a respondent page: the first explicit choice the instrument offers (the `?lang=`
 * link, the form's hidden field, the remembered cookie, in that order), else the browser's
 * preference among the offered languages, else the instrument's base language. The UI messages
 * exist in fi, sv and en, so the page and the instrument always speak the same language.
 *
 * @example chooseLanguage(['fi', 'sv'], 'fi', [null, 'en'], 'sv-FI,sv;q=0.9') // 'sv'
 */
export function chooseLanguage(
	offered: readonly Language[],
	base: Language,
	explicit: readonly (string | null | undefined)[],
	acceptLanguage: string | null
): Language {
	for (const candidate of explicit) {
		const found = offered.find((language) => language === candidate);
		if (found) return found;
	}
	for (const wanted of preferredLanguages(acceptLanguage)) {
		const found = offered.find((language) => language === wanted);
		if (found) return found;
	}
	return base;
}

/** `Accept-Language` → primary language subtags, most preferred first (`sv-FI,en;q=0.5` → sv, en). */
export function preferredLanguages(header: string | null): string[] {
	if (!header) return [];
	const entries = header.split(',').flatMap((part, index) => {
		const [tag, ...params] = part.trim().split(';');
		const primary = tag?.trim().toLowerCase().split('-')[0] ?? '';
		if (!/^[a-z]{2,3}$/.test(primary)) return [];
		const q = params.find((param) => /^\s*q=/.test(param));
		const weight = q === undefined ? 1 : Number(q.split('=')[1]);
		return Number.isFinite(weight) && weight > 0 ? [{ primary, weight, index }] : [];
	});
	entries.sort((a, b) => b.weight - a.weight || a.index - b.index);
	return [...new Set(entries.map((entry) => entry.primary))];
}
