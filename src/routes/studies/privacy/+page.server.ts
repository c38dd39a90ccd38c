import { error, redirect } from '@sveltejs/kit';
import { writeText, readText, type FormRecord } from '#lib/core/instrument/builder/form-record.ts';
import { canAnywhere, isAdmin } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '../../account-guard.ts';
import { getPrivacyNotice } from '#lib/server/services/collection/get-privacy-notice.ts';
import { setPrivacyNotice, type NoticeScopeInput } from '#lib/server/services/collection/set-privacy-notice.ts';
import { studyScopeChoices } from '#lib/server/services/study-scope-choices.ts';
import { failWith, formValues } from '../study-route.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Privacy notices: the installation's (admins) and each network's, municipality's or library's
 * (coordinators within their scope). Respondent pages link to the nearest one.
 */
const parts = ['controller', 'purpose', 'retention', 'contact'] as const;

function scopeOf(text: string | null, admin: boolean): NoticeScopeInput | undefined {
	if (!text) return admin ? { type: 'global' } : undefined;
	if (text === 'global') return { type: 'global' };
	const [type, id] = text.split(':');
	if ((type === 'network' || type === 'municipality' || type === 'library') && /^\d+$/.test(id ?? '')) return { type, id: Number(id) };
	return undefined;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'study.manage')) error(403, { message: m.studies_forbidden_manage() });
	const admin = isAdmin(actor);
	const choices = await studyScopeChoices(locals.ctx, actor);
	const scope = scopeOf(url.searchParams.get('scope'), admin);
	if (!scope) return { admin, choices, scope: null, notice: null, values: {} as FormRecord };
	const notice = await getPrivacyNotice(locals.ctx, actor, scope).catch(rethrowAsHttp);
	const values: FormRecord = {};
	for (const part of parts) writeText(values, part, (notice.own ?? notice.effective)[part]);
	return { admin, choices, scope: scope.type === 'global' ? 'global' : `${scope.type}:${scope.id}`, notice, values };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const scope = scopeOf(url.searchParams.get('scope'), isAdmin(actor));
		if (!scope) error(400, { message: m.studies_privacy_choose_scope() });
		const values = formValues(await request.formData());
		const texts = Object.fromEntries(parts.map((part) => [part, readText(values, part) ?? {}])) as Record<(typeof parts)[number], { fi?: string }>;
		try {
			await setPrivacyNotice(locals.ctx, actor, scope, texts);
		} catch (caught) {
			return failWith(caught, 'notice', values, { controller: 'controller.fi', purpose: 'purpose.fi', retention: 'retention.fi', contact: 'contact.fi' });
		}
		redirect(303, `/studies/privacy?scope=${encodeURIComponent(url.searchParams.get('scope') ?? 'global')}&done=saved`);
	}
};
