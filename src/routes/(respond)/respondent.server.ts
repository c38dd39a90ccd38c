import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { modePathPrefix, respondentPath, type CollectorMode } from '#lib/core/collection/collectors.ts';
import { isAppError } from '#lib/core/errors.ts';
import { instrumentLanguages, localize, type Language } from '#lib/core/instrument/localized-text.ts';
import { m } from '#lib/paraglide/messages.js';
import { openCollectorForRespondent, type RespondentView } from '#lib/server/services/collection/open-collector-for-respondent.ts';
import { languageLinks, type ShellData } from '#lib/components/respond/shell.ts';
import { chooseLanguage, languageCookie } from './language.ts';

export interface RespondentPage {
	view: RespondentView;
	lang: Language;
	shell: ShellData;
}

const yearSeconds = 365 * 24 * 60 * 60;

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (instrumentLanguages as readonly string[]).includes(value);
}

/**
 * Opens the collector behind a respondent URL and settles the page's language. Unknown or
 * archived collectors are a 404. The collector's allowed origins may embed the page
 * (`locals.frameAncestors`, read by hooks.server.ts); every other response keeps
 * `frame-ancestors 'none'`. `remember`: a `?lang=` choice is stored in the `aspa_lang` cookie (the
 * survey pages; not the thank-you and privacy pages, whose links carry `?lang=` only to keep the
 * language where cookies do not travel, as in a cross-site iframe).
 */
export async function openRespondentPage(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url' | 'cookies' | 'request'>,
	mode: CollectorMode,
	options: { remember?: boolean; keep?: Record<string, string | null>; linkPath?: string } = {}
): Promise<RespondentPage> {
	const { locals, url, cookies, request } = event;
	const slug = event.params.slug ?? '';
	let view: RespondentView;
	try {
		view = await openCollectorForRespondent(locals.ctx, { mode, slug });
	} catch (caught) {
		if (isAppError(caught) && caught.kind === 'not_found') error(404, m.respond_not_found());
		throw caught;
	}
	if (view.collector.frameOrigins.length > 0) locals.frameAncestors = view.collector.frameOrigins;

	const asked = url.searchParams.get('lang');
	const lang = chooseLanguage(view.languages, view.baseLanguage, [locals.htmlLang, asked, cookies.get(languageCookie)], request.headers.get('accept-language'));
	if (options.remember && asked === lang) rememberLanguage(cookies, lang, locals.ctx.config.secureCookies);
	locals.htmlLang = lang;

	const base = respondentPath(mode, slug);
	const kiosk = mode === 'kiosk' || view.collector.channel === 'kiosk';
	const library = view.library;
	const organisation = library ? (lang === 'sv' && library.nameSv ? library.nameSv : library.nameFi) : localize(view.study.name, lang, 'fi');
	return {
		view,
		lang,
		shell: {
			lang,
			organisation,
			languages: languageLinks(view.languages, options.linkPath ?? base, options.keep ?? {}),
			privacyHref: `/privacy/${modePathPrefix[mode]}/${slug}?lang=${lang}`,
			base,
			...(kiosk
				? {
						kiosk: {
							...view.collector.settings,
							// The next customer starts in the instrument's base language again.
							home: `${base}?lang=${view.baseLanguage}`
						}
					}
				: {})
		}
	};
}

export function rememberLanguage(cookies: Cookies, lang: Language, secure: boolean): void {
	cookies.set(languageCookie, lang, { path: '/', maxAge: yearSeconds, httpOnly: false, sameSite: 'lax', secure });
}

/**
 * The soft guard against answering twice on a public link: after a submit, a cookie scoped to the
 * collector's path holding the round id (no personal data, HttpOnly). Kiosks never set it (one
 * tablet, many customers). In a cross-site iframe browsers drop it, and the guard quietly does
 * nothing (ADR 0013).
 */
export const doneCookie = 'aspa_done';

export function hasAnswered(cookies: Cookies, roundId: number | null | undefined): boolean {
	return roundId !== null && roundId !== undefined && cookies.get(doneCookie) === String(roundId);
}

export function markAnswered(cookies: Cookies, base: string, roundId: string, secure: boolean): void {
	cookies.set(doneCookie, roundId, { path: base, maxAge: yearSeconds, httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Respondent pages carry a fresh submission id: a shared cache must never serve one to two people
 * (`private`), and a normal visit asks again (`no-cache`). Not `no-store`: the back button may show
 * the page from the browser's own history with the id it had, so a resend stores nothing new.
 */
export const pageCacheHeaders = { 'cache-control': 'private, no-cache' };
