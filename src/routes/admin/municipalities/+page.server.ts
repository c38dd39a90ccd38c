import { can } from '#lib/core/permissions.ts';
import { municipalityFilterSchema, parseFilter } from '#lib/core/organisations.ts';
import { requireActor, rethrowAsHttp } from '../../account-guard.ts';
import { listMunicipalitiesFor } from '#lib/server/services/list-municipalities.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const filter = parseFilter(municipalityFilterSchema, url.searchParams);
	try {
		const municipalities = await listMunicipalitiesFor(locals.ctx, actor, filter);
		return { municipalities, filter, canManage: can(actor, 'org.manage') };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};
