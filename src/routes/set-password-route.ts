import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/core/errors.ts';
import { checkPassword } from '#lib/core/password-policy.ts';
import { inspectPasswordToken, setPasswordByToken } from '#lib/server/services/set-password-by-token.ts';
import { appErrorFields, errorText } from '#lib/components/account/error-text.ts';

/** `invite` or `reset`, as the service names them (routes do not import db/, not even its types). */
type TokenPurpose = Parameters<typeof inspectPasswordToken>[1];

/**
 * The load and action shared by /invitation/[token] and /reset-password/[token]: both show who
 * the link is for and take a new password; success sends the person to sign in with it.
 */
export async function loadTokenPage(event: RequestEvent<{ token: string }>, purpose: TokenPurpose) {
	// The page carries a live one-time link in its URL: keep it out of every cache.
	event.setHeaders({ 'cache-control': 'no-store' });
	const account = await inspectPasswordToken(event.locals.ctx, purpose, event.params.token);
	return { account };
}

export async function submitTokenPage(event: RequestEvent<{ token: string }>, purpose: TokenPurpose) {
	const form = await event.request.formData();
	const newPassword = String(form.get('newPassword') ?? '');
	const confirmPassword = String(form.get('confirmPassword') ?? '');
	const problem = checkPassword(newPassword);
	if (problem) return fail(400, { errors: { newPassword: errorText(problem) } });
	if (newPassword !== confirmPassword) return fail(400, { errors: { confirmPassword: m.error_password_mismatch() } });
	try {
		await setPasswordByToken(event.locals.ctx, purpose, event.params.token, newPassword);
	} catch (caught) {
		if (isAppError(caught) && caught.kind === 'invalid') return fail(400, { errors: appErrorFields(caught) });
		throw caught;
	}
	// Whoever was signed in on this browser is not necessarily the person whose link this is.
	redirect(303, '/login?done=password');
}
