import { requireManager, saveAction } from '../../org-form.ts';
import { createMunicipality } from '#lib/server/services/create-municipality.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireManager(locals, url);
	return {};
};

export const actions: Actions = {
	default: saveAction('municipality', async (deps, actor, values) => `/admin/municipalities/${(await createMunicipality(deps, actor, values)).key}?done=created`)
};
