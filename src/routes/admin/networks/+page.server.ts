import { can } from '#lib/core/permissions.ts';
import { networkFilterSchema, parseFilter } from '#lib/core/organisations.ts';
import { requireActor, rethrowAsHttp } from '../../account-guard.ts';
import { listNetworksFor } from '#lib/server/services/list-networks.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const filter = parseFilter(networkFilterSchema, url.searchParams);
	try {
		const networks = await listNetworksFor(locals.ctx, actor, filter);
		return { networks, filter, canManage: can(actor, 'org.manage') };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};
