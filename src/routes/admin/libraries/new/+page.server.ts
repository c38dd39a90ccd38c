import { error, redirect } from '@sveltejs/kit';
import { localDate } from '#lib/core/local-date.ts';
import { can } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '#lib/server/http/account-guard.ts';
import { failForm, formValues } from '#lib/server/http/org-form.ts';
import { createLibrary } from '#lib/server/services/create-library.ts';
import { listMunicipalitiesFor } from '#lib/server/services/list-municipalities.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!can(actor, 'org.manage')) error(403, { message: m.admin_forbidden_manage() });
	try {
		const municipalities = await listMunicipalitiesFor(locals.ctx, actor, {});
		return {
			municipalities: municipalities.map((mu) => ({ key: mu.key, nameFi: mu.nameFi, nameSv: mu.nameSv })),
			today: localDate(locals.ctx.now()),
			preset: url.searchParams.get('municipality') ?? ''
		};
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const values = formValues(await request.formData());
		let key: string;
		try {
			({ key } = await createLibrary(locals.ctx, actor, values));
		} catch (caught) {
			return failForm(caught, 'library', values);
		}
		redirect(303, `/admin/libraries/${key}?done=created`);
	}
};
