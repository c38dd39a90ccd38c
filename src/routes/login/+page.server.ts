import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { safeRedirectPath } from '#lib/core/safe-redirect.ts';
import { SESSION_COOKIE } from '#lib/server/auth/session.ts';
import { signIn } from '#lib/server/services/sign-in.ts';
import { errorText } from '#lib/components/account/error-text.ts';
import type { Actions, PageServerLoad } from './$types';

const LANGUAGE_COOKIE = 'aspa_lang';
const YEAR_S = 365 * 24 * 60 * 60;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo') ?? '/'));
	return { done: url.searchParams.get('done') === 'password' };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const errors: Record<string, string> = {};
		if (!email) errors.email = m.error_email_required();
		if (!password) errors.password = m.error_password_required();
		if (Object.keys(errors).length) return fail(400, { errors, values: { email } });

		const result = await signIn(locals.ctx, { email, password, clientAddress: clientAddress(getClientAddress) });
		if (!result.ok) {
			const text = result.reason === 'throttled' ? errorText('login_throttled', { minutes: result.retryAfterMinutes }) : errorText('login_failed');
			const failure: Record<string, string> = { form: text };
			return fail(result.reason === 'throttled' ? 429 : 400, { errors: failure, values: { email } });
		}
		const secure = locals.ctx.config.secureCookies;
		cookies.set(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: result.expiresAt });
		// The stored language applies when this browser has no language cookie yet. (Paraglide's
		// client writes the cookie on the first hydrated page, so in practice this is a browser
		// without JavaScript or one that signs in before any page has hydrated.)
		if (!cookies.get(LANGUAGE_COOKIE)) {
			cookies.set(LANGUAGE_COOKIE, result.locale, { path: '/', maxAge: YEAR_S, httpOnly: false, sameSite: 'lax', secure });
		}
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo') ?? '/'));
	}
};

function clientAddress(get: () => string): string | null {
	try {
		return get();
	} catch {
		return null;
	}
}
