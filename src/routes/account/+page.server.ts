import { requireActor } from '../account-guard.ts';
import { homeOverview } from '#lib/server/services/home-overview.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const { cards } = await homeOverview(locals.ctx, actor);
	return {
		account: { displayName: actor.displayName, email: actor.email },
		grants: cards.map((card) => ({ role: card.role, scopeType: card.scopeType, unit: card.unit })),
		changed: url.searchParams.get('changed') === 'password'
	};
};
