import { error, redirect } from '@sveltejs/kit';
import { can } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '#lib/server/http/account-guard.ts';
import { failForm, formValues } from '#lib/server/http/org-form.ts';
import { createNetwork } from '#lib/server/services/create-network.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!can(actor, 'org.manage')) error(403, { message: m.admin_forbidden_manage() });
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const values = formValues(await request.formData());
		let key: string;
		try {
			({ key } = await createNetwork(locals.ctx, actor, values));
		} catch (caught) {
			return failForm(caught, 'network', values);
		}
		redirect(303, `/admin/networks/${key}?done=created`);
	}
};
