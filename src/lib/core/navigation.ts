import { canAnywhere, type Actor } from './permissions.ts';

/** A link in the main menu; `label` is a message key resolved by the layout. */
export interface NavItem {
	href: string;
	label: NavLabel;
}

export type NavLabel =
	| 'nav_home'
	| 'auth_nav_users'
	| 'auth_nav_audit'
	| 'auth_nav_outbox'
	| 'admin_nav_organisations'
	| 'studies_nav_studies'
	| 'studies_nav_instruments'
	| 'report_nav_reports';

/**
 * The main menu for an actor: only what they may open. Each module adds its entry here, guarded by
 * the same `can` question its page asks.
 */
export function navigationFor(actor: Actor | null): NavItem[] {
	const items: NavItem[] = [{ href: '/', label: 'nav_home' }];
	if (!actor) return items;
	if (canAnywhere(actor, 'study.view')) items.push({ href: '/studies', label: 'studies_nav_studies' });
	if (canAnywhere(actor, 'study.manage')) items.push({ href: '/instruments', label: 'studies_nav_instruments' });
	if (canAnywhere(actor, 'report.view')) items.push({ href: '/reports', label: 'report_nav_reports' });
	if (canAnywhere(actor, 'org.view')) items.push({ href: '/admin/organisations', label: 'admin_nav_organisations' });
	if (canAnywhere(actor, 'user.view')) items.push({ href: '/admin/users', label: 'auth_nav_users' });
	if (canAnywhere(actor, 'audit.view')) items.push({ href: '/admin/audit', label: 'auth_nav_audit' });
	if (canAnywhere(actor, 'mail.view')) items.push({ href: '/admin/outbox', label: 'auth_nav_outbox' });
	return items;
}
