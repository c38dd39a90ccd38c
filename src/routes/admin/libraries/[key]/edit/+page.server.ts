import { loadForManager, saveAction } from '../../../org-form.ts';
import { updateLibrary } from '#lib/server/services/update-library.ts';
import { viewLibrary } from '#lib/server/services/view-library.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { library } = await loadForManager(locals, url, (deps, actor) => viewLibrary(deps, actor, params.key));
	return { library };
};

export const actions: Actions = {
	default: saveAction('library', async (deps, actor, values, params: { key: string }) => {
		const { library } = await viewLibrary(deps, actor, params.key);
		const { key } = await updateLibrary(deps, actor, library.id, values);
		return `/admin/libraries/${key}?done=saved`;
	})
};
