import { archiveActions, loadUnitPage } from '../../org-form.ts';
import { viewNetwork } from '#lib/server/services/view-network.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadUnitPage(event, 'networks', (deps, actor) => viewNetwork(deps, actor, event.params.key, event.url.searchParams.get('on') ?? undefined), (view) => view.network.key);

export const actions: Actions = archiveActions(async (deps, actor, params: { key: string }) => {
	const { network } = await viewNetwork(deps, actor, params.key);
	return { type: 'network', id: network.id };
});
