import { error, redirect } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale, isLocale } from '#lib/paraglide/runtime.js';
import { publicReport } from '#lib/server/services/reports/report-links.ts';
import type { PageServerLoad } from './$types';

const yearSeconds = 365 * 24 * 60 * 60;

/**
 * A public, read-only report (ADR 0021). The page loads no client code, asks search engines not
 * to index it, and sends no referrer, so the token in its address never leaves in a Referer
 * header. An unknown, revoked or expired link is one and the same localised 404.
 *
 * Without a referrer a browser posts forms with `Origin: null`, which the CSRF check refuses, so
 * the page switches language by a plain link (`?lang=sv`: the choice goes into the same cookie as
 * the header's switcher, then back to the bare address) instead of the header's form.
 */
export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url, cookies, setHeaders }) => {
	setHeaders({ 'x-robots-tag': 'noindex, nofollow', 'cache-control': 'private, no-store' });
	const asked = url.searchParams.get('lang');
	if (asked !== null) {
		if (isLocale(asked)) cookies.set('aspa_lang', asked, { path: '/', maxAge: yearSeconds, httpOnly: false, sameSite: 'lax', secure: locals.ctx.config.secureCookies });
		setHeaders({ 'referrer-policy': 'no-referrer' });
		redirect(303, url.pathname);
	}
	let model;
	try {
		model = await publicReport(locals.ctx, params.token, getLocale() as Locale);
	} catch (caught) {
		// The 404 page keeps the usual referrer policy: it shows nothing of the link, and its header's
		// language switcher (a form) must keep working.
		if (isAppError(caught) && caught.kind === 'not_found') error(404, { message: m.report_share_not_found() });
		throw caught;
	}
	setHeaders({ 'referrer-policy': 'no-referrer' });
	return { model, path: url.pathname };
};
