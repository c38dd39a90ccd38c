import { homeOverview } from '#lib/server/services/home-overview.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.actor) return { overview: null };
	return { overview: await homeOverview(locals.ctx, locals.actor) };
};
