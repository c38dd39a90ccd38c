import { fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requestPasswordReset } from '#lib/server/services/request-password-reset.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		if (!email) return fail(400, { errors: { email: m.error_email_required() }, values: { email } });
		// The same answer for every address, so the form tells nobody who has an account.
		await requestPasswordReset(locals.ctx, { email });
		return { sent: true };
	}
};
