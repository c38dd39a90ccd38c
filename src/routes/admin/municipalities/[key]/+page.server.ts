import { archiveActions, loadUnitPage } from '../../org-form.ts';
import { viewMunicipality } from '#lib/server/services/view-municipality.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadUnitPage(
		event,
		'municipalities',
		(deps, actor) => viewMunicipality(deps, actor, event.params.key, event.url.searchParams.get('on') ?? undefined),
		(view) => view.municipality.key
	);

export const actions: Actions = archiveActions(async (deps, actor, params: { key: string }) => {
	const { municipality } = await viewMunicipality(deps, actor, params.key);
	return { type: 'municipality', id: municipality.id };
});
