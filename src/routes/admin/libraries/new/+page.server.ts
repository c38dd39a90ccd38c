import { localDate } from '#lib/core/local-date.ts';
import { rethrowAsHttp } from '../../../account-guard.ts';
import { requireManager, saveAction } from '../../org-form.ts';
import { createLibrary } from '#lib/server/services/create-library.ts';
import { listMunicipalitiesFor } from '#lib/server/services/list-municipalities.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireManager(locals, url);
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
	default: saveAction('library', async (deps, actor, values) => `/admin/libraries/${(await createLibrary(deps, actor, values)).key}?done=created`)
};
