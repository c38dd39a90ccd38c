import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '#lib/server/http/account-guard.ts';
import { failForm, formValues } from '#lib/server/http/org-form.ts';
import { updateLibrary } from '#lib/server/services/update-library.ts';
import { viewLibrary } from '#lib/server/services/view-library.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	try {
		const { library, canManage } = await viewLibrary(locals.ctx, actor, params.key);
		if (!canManage) error(403, { message: m.admin_forbidden_manage() });
		return { library };
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
			const { library } = await viewLibrary(locals.ctx, actor, params.key);
			({ key } = await updateLibrary(locals.ctx, actor, library.id, values));
		} catch (caught) {
			return failForm(caught, 'library', values);
		}
		redirect(303, `/admin/libraries/${key}?done=saved`);
	}
};
