import type { Actor } from './permissions.ts';

/** A link in the main menu; `label` is a message key resolved by the layout. */
export interface NavItem {
	href: string;
	label: NavLabel;
}

export type NavLabel = 'nav_home';

/**
 * The main menu for an actor: only what they may open. Each module adds its entry here, guarded by
 * the same `can` question its page asks.
 */
export function navigationFor(actor: Actor | null): NavItem[] {
	const items: NavItem[] = [{ href: '/', label: 'nav_home' }];
	if (!actor) return items;
	return items;
}
