import { getLocale } from '#lib/paraglide/runtime.js';
import { navigationFor } from '#lib/core/navigation.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = locals.actor;
	return {
		locale: getLocale(),
		path: url.pathname + url.search,
		user: actor ? { displayName: actor.displayName } : null,
		navigation: navigationFor(actor)
	};
};
