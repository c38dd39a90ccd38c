import { error, fail, redirect } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import { locales, type Locale } from '#lib/core/org-types.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '../../../account-guard.ts';
import { readGrantFields } from '#lib/server/http/grant-form.ts';
import { invitationChoices, inviteUser } from '#lib/server/services/invite-user.ts';
import { appErrorFields } from '#lib/components/account/error-text.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const choices = await invitationChoices(locals.ctx, actor);
	if (!choices.length) error(403, { message: m.auth_no_grant_choices() });
	return { choices, defaultLocale: getLocale() };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const form = await request.formData();
		const values = {
			email: String(form.get('email') ?? '').trim(),
			displayName: String(form.get('displayName') ?? '').trim(),
			locale: String(form.get('locale') ?? ''),
			role: String(form.get('role') ?? ''),
			scope: String(form.get('scope') ?? '')
		};
		const locale = locales.find((l) => l === values.locale) ?? ('fi' as Locale);
		const grant = readGrantFields(form);
		const errors: Record<string, string> = grant.ok ? {} : { ...grant.errors };
		if (!values.email) errors.email = m.error_email_required();
		if (!values.displayName) errors.displayName = m.error_display_name_invalid();
		if (!grant.ok || Object.keys(errors).length) return fail(400, { errors, values });
		let userId: number;
		try {
			({ userId } = await inviteUser(locals.ctx, actor, { ...values, locale, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId }));
		} catch (caught) {
			if (isAppError(caught) && caught.kind !== 'unavailable') return fail(400, { errors: appErrorFields(caught), values });
			throw caught;
		}
		redirect(303, `/admin/users/${userId}?done=invited`);
	}
};
