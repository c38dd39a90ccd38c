import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '#lib/server/http/account-guard.ts';
import { failForm, formValues } from '#lib/server/http/org-form.ts';
import { updateNetwork } from '#lib/server/services/update-network.ts';
import { viewNetwork } from '#lib/server/services/view-network.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	try {
		const { network, canManage } = await viewNetwork(locals.ctx, actor, params.key);
		if (!canManage) error(403, { message: m.admin_forbidden_manage() });
		return { network };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireActor(locals, url);
		const values = formValues(await request.formData());
		let key: string;
		try {
			const { network } = await viewNetwork(locals.ctx, actor, params.key);
			({ key } = await updateNetwork(locals.ctx, actor, network.id, values));
		} catch (caught) {
			return failForm(caught, 'network', values);
		}
		redirect(303, `/admin/networks/${key}?done=saved`);
	}
};
