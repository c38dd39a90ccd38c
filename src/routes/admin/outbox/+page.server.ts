import { requireActor, rethrowAsHttp } from '../../account-guard.ts';
import { viewOutbox } from '#lib/server/services/view-outbox.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const before = Number.parseInt(url.searchParams.get('before') ?? '', 10);
	try {
		return await viewOutbox(locals.ctx, actor, { before: Number.isInteger(before) && before > 0 ? before : undefined });
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};
