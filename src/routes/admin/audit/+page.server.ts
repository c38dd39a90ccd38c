import { requireActor, rethrowAsHttp } from '../../account-guard.ts';
import { viewAuditLog } from '#lib/server/services/view-audit-log.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const before = Number.parseInt(url.searchParams.get('before') ?? '', 10);
	try {
		const paged = Number.isInteger(before) && before > 0;
		const log = await viewAuditLog(locals.ctx, actor, { before: paged ? before : undefined, action: url.searchParams.get('action') ?? undefined });
		return { ...log, paged };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};
