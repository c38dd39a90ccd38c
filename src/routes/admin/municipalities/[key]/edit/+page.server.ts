import { loadForManager, saveAction } from '../../../org-form.ts';
import { updateMunicipality } from '#lib/server/services/update-municipality.ts';
import { viewMunicipality } from '#lib/server/services/view-municipality.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { municipality } = await loadForManager(locals, url, (deps, actor) => viewMunicipality(deps, actor, params.key));
	return { municipality };
};

export const actions: Actions = {
	default: saveAction('municipality', async (deps, actor, values, params: { key: string }) => {
		const { municipality } = await viewMunicipality(deps, actor, params.key);
		const { key } = await updateMunicipality(deps, actor, municipality.id, values);
		return `/admin/municipalities/${key}?done=saved`;
	})
};
