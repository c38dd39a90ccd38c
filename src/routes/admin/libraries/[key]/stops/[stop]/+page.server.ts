import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { archiveActions, loadForManager, saveAction } from '../../../../org-form.ts';
import { updateMobileStop } from '#lib/server/services/update-mobile-stop.ts';
import { viewLibrary } from '#lib/server/services/view-library.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { library, stops } = await loadForManager(locals, url, (deps, actor) => viewLibrary(deps, actor, params.key));
	const stop = stops.find((s) => s.key === params.stop);
	if (!stop) error(404, { message: m.error_org_not_found() });
	return { library, stop, done: url.searchParams.get('done') };
};

export const actions: Actions = {
	default: saveAction('stop', async (deps, actor, values, params: { key: string; stop: string }) => {
		const { library } = await viewLibrary(deps, actor, params.key);
		await updateMobileStop(deps, actor, library.id, params.stop, values);
		return `/admin/libraries/${library.key}/stops/${params.stop}?done=saved`;
	}),
	...archiveActions(async (deps, actor, params: { key: string; stop: string }) => {
		const { library } = await viewLibrary(deps, actor, params.key);
		return { type: 'mobile_stop', libraryId: library.id, key: params.stop };
	})
};
