import type { Language } from '#lib/core/instrument/localized-text.ts';

export interface LanguageLink {
	code: Language;
	href: string;
}

/** Kiosk behaviour for respond.js (`data-kiosk` on `<main>`), in seconds, and where the start is. */
export interface KioskAttributes {
	thankYouSeconds: number;
	idleResetSeconds: number;
	tapGuardSeconds: number;
	home: string;
}

/**
 * Links that switch the page to each language (`?lang=sv`), keeping the query parameters that
 * matter for the page (the one-time token `t`), dropping everything else.
 */
export function languageLinks(languages: readonly Language[], path: string, keep: Record<string, string | null | undefined> = {}): LanguageLink[] {
	return languages.map((code) => {
		const query = new URLSearchParams({ lang: code });
		for (const [name, value] of Object.entries(keep)) if (value) query.set(name, value);
		return { code, href: `${path}?${query}` };
	});
}

/** What every respondent page's frame needs (RespondShell's props, less the title). */
export interface ShellData {
	lang: Language;
	organisation: string;
	languages: LanguageLink[];
	privacyHref: string;
	/** The page's own path (`/s/demo`); form actions are `${base}?/submit` and so on. */
	base: string;
	kiosk?: KioskAttributes;
}
