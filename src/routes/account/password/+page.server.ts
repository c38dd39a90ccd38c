import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/core/errors.ts';
import { requireActor } from '../../account-guard.ts';
import { changePassword } from '#lib/server/services/change-password.ts';
import { appErrorFields } from '#lib/components/account/error-text.ts';
import { checkPassword } from '#lib/core/password-policy.ts';
import { errorText } from '#lib/components/account/error-text.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireActor(locals, url);
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const form = await request.formData();
		const currentPassword = String(form.get('currentPassword') ?? '');
		const newPassword = String(form.get('newPassword') ?? '');
		const confirmPassword = String(form.get('confirmPassword') ?? '');
		const errors: Record<string, string> = {};
		if (!currentPassword) errors.currentPassword = m.error_password_required();
		const problem = checkPassword(newPassword);
		if (problem) errors.newPassword = errorText(problem);
		else if (newPassword !== confirmPassword) errors.confirmPassword = m.error_password_mismatch();
		if (Object.keys(errors).length) return fail(400, { errors });
		try {
			await changePassword(locals.ctx, actor, { currentPassword, newPassword, sessionToken: locals.sessionToken });
		} catch (caught) {
			if (isAppError(caught) && caught.kind === 'invalid') return fail(400, { errors: appErrorFields(caught) });
			throw caught;
		}
		redirect(303, '/account?changed=password');
	}
};
