import { redirect } from '@sveltejs/kit';
import { isLocale } from '#lib/paraglide/runtime.js';
import { safeRedirectPath } from '#lib/core/safe-redirect.ts';
import type { RequestHandler } from './$types';

const YEAR_S = 365 * 24 * 60 * 60;

/**
 * The language switcher posts here (a plain form, so it works without JavaScript). The choice is
 * remembered in a cookie for a year; the user is sent back to where they were.
 */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData();
	const lang = String(form.get('lang') ?? '');
	if (isLocale(lang)) {
		cookies.set('aspa_lang', lang, {
			path: '/',
			maxAge: YEAR_S,
			httpOnly: false,
			sameSite: 'lax',
			secure: locals.ctx.config.secureCookies
		});
	}
	redirect(303, safeRedirectPath(String(form.get('redirect') ?? '/')));
};
