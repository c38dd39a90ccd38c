import { error } from '@sveltejs/kit';
import { canAnywhere } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '../account-guard.ts';
import { listStudies } from '#lib/server/services/collection/list-studies.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'study.view')) error(403, { message: m.studies_forbidden_view() });
	const studies = await listStudies(locals.ctx, actor, { includeArchived: url.searchParams.get('archived') === '1' });
	return { studies, canCreate: canAnywhere(actor, 'study.manage'), archived: url.searchParams.get('archived') === '1' };
};
