import { requireManager, saveAction } from '../../org-form.ts';
import { createNetwork } from '#lib/server/services/create-network.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireManager(locals, url);
	return {};
};

export const actions: Actions = {
	default: saveAction('network', async (deps, actor, values) => `/admin/networks/${(await createNetwork(deps, actor, values)).key}?done=created`)
};
