import { error } from '@sveltejs/kit';
import { can, canAnywhere } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '../../account-guard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'org.view')) error(403, { message: m.error_forbidden() });
	return { canManage: can(actor, 'org.manage') };
};
