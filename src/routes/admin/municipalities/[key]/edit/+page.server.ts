import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '#lib/server/http/account-guard.ts';
import { failForm, formValues } from '#lib/server/http/org-form.ts';
import { updateMunicipality } from '#lib/server/services/update-municipality.ts';
import { viewMunicipality } from '#lib/server/services/view-municipality.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	try {
		const { municipality, canManage } = await viewMunicipality(locals.ctx, actor, params.key);
		if (!canManage) error(403, { message: m.admin_forbidden_manage() });
		return { municipality };
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
			const { municipality } = await viewMunicipality(locals.ctx, actor, params.key);
			({ key } = await updateMunicipality(locals.ctx, actor, municipality.id, values));
		} catch (caught) {
			return failForm(caught, 'municipality', values);
		}
		redirect(303, `/admin/municipalities/${key}?done=saved`);
	}
};
