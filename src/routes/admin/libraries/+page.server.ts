import { can } from '#lib/core/permissions.ts';
import { libraryFilterSchema, parseFilter } from '#lib/core/organisations.ts';
import { requireActor, rethrowAsHttp } from '../../account-guard.ts';
import { listLibrariesFor } from '#lib/server/services/list-libraries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const filter = parseFilter(libraryFilterSchema, url.searchParams);
	try {
		const result = await listLibrariesFor(locals.ctx, actor, filter);
		return { ...result, filter, canManage: can(actor, 'org.manage') };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};
