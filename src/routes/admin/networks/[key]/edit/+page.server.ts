import { loadForManager, saveAction } from '../../../org-form.ts';
import { updateNetwork } from '#lib/server/services/update-network.ts';
import { viewNetwork } from '#lib/server/services/view-network.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { network } = await loadForManager(locals, url, (deps, actor) => viewNetwork(deps, actor, params.key));
	return { network };
};

export const actions: Actions = {
	default: saveAction('network', async (deps, actor, values, params: { key: string }) => {
		const { network } = await viewNetwork(deps, actor, params.key);
		const { key } = await updateNetwork(deps, actor, network.id, values);
		return `/admin/networks/${key}?done=saved`;
	})
};
