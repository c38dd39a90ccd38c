import type { Role, ScopeType } from './org-types.ts';

/**
 * Who may do what, in one pure function. Every route and service asks `can`; nothing else
 * compares roles. `permissions.test.ts` walks every role × action × scope.
 *
 * A grant holds a role over a scope (everything, a network, a municipality or a library). A scope
 * covers the units inside it: a network covers its member libraries, a municipality its libraries.
 * The caller describes the resource with the memberships in force (see `Resource`), so this
 * function needs no database.
 */

export interface Grant {
	role: Role;
	scopeType: ScopeType;
	/** Id of the network, municipality or library; null for a global grant. */
	scopeId: number | null;
}

export interface Actor {
	id: number;
	email: string;
	displayName: string;
	locale: 'fi' | 'sv' | 'en';
	grants: Grant[];
}

export const actions = [
	/** See a unit (network, municipality, library) and what hangs off it. */
	'org.view',
	/** Create, edit, archive and import units; set size classes and memberships. */
	'org.manage',
	/** See the users who hold grants in a scope. */
	'user.view',
	/** Invite users and grant or revoke roles in a scope (which roles: see `grantableRoles`). */
	'user.manage',
	/** Read the audit log of administrative changes. */
	'audit.view',
	/** Read mail that could not be sent (the outbox, when SMTP is not configured). */
	'mail.view',
	/** See a study in a scope: its rounds, collectors and counts and aggregates of its responses. */
	'study.view',
	/** Build instruments; create and edit studies, rounds, collectors, tokens and posters. */
	'study.manage',
	/** Read one raw response. Services refuse it in a confidential study, whoever asks. */
	'response.view',
	/** Delete one raw response (audited). Services refuse it in a confidential study, whoever asks. */
	'response.delete',
	/** Type in a paper form on behalf of a respondent (paper entry). */
	'response.enter',
	/**
	 * Open the report of a unit (aggregates only, suppressed below the minimum group size). A
	 * library's report also shows its municipality and networks as comparison lines; opening the
	 * municipality's or network's own report (with its libraries side by side) needs this action there.
	 */
	'report.view',
	/** Create and revoke read-only public links to a report, rename and merge open-text themes. */
	'report.manage',
	/** Export raw responses (CSV, XLSX, JSON) and import them. Services refuse it in a confidential study. */
	'response.export'
] as const;
export type Action = (typeof actions)[number];

/** What an action is asked about, with the memberships in force now (or at the time in question). */
export type Resource =
	| { type: 'global' }
	| { type: 'network'; id: number }
	| { type: 'municipality'; id: number; networkIds: readonly number[] }
	| { type: 'library'; id: number; municipalityIds: readonly number[]; networkIds: readonly number[] };

export const GLOBAL: Resource = { type: 'global' };

/** Which actions a role allows inside its scope. Admin is handled apart: everything, everywhere. */
const allowed: Record<Exclude<Role, 'admin'>, readonly Action[]> = {
	coordinator: [
		'org.view',
		'user.view',
		'user.manage',
		'study.view',
		'study.manage',
		'response.view',
		'response.delete',
		'response.enter',
		'report.view',
		'report.manage',
		'response.export'
	],
	director: ['org.view', 'user.view', 'study.view', 'response.enter', 'report.view'],
	staff: ['org.view', 'study.view', 'response.enter', 'report.view'],
	observer: []
};

/** Whether a grant's scope contains the resource. */
export function scopeCovers(grant: Grant, resource: Resource): boolean {
	if (grant.scopeType === 'global') return true;
	const id = grant.scopeId;
	switch (resource.type) {
		case 'global':
			return false;
		case 'network':
			return grant.scopeType === 'network' && resource.id === id;
		case 'municipality':
			return (
				(grant.scopeType === 'municipality' && resource.id === id) ||
				(grant.scopeType === 'network' && id !== null && resource.networkIds.includes(id))
			);
		case 'library':
			return (
				(grant.scopeType === 'library' && resource.id === id) ||
				(grant.scopeType === 'municipality' && id !== null && resource.municipalityIds.includes(id)) ||
				(grant.scopeType === 'network' && id !== null && resource.networkIds.includes(id))
			);
	}
}

export function isAdmin(actor: Actor | null): boolean {
	return !!actor?.grants.some((grant) => grant.role === 'admin');
}

export function can(actor: Actor | null, action: Action, resource: Resource = GLOBAL): boolean {
	if (!actor) return false;
	if (isAdmin(actor)) return true;
	return actor.grants.some(
		(grant) => grant.role !== 'admin' && allowed[grant.role].includes(action) && scopeCovers(grant, resource)
	);
}

/**
 * Roles an actor may hand out over a scope: admins any role anywhere; a coordinator the roles below
 * coordinator, inside a scope their grant covers. Nobody may raise anyone to their own level
 * except admins.
 */
export function grantableRoles(actor: Actor | null, resource: Resource): Role[] {
	if (!actor) return [];
	if (isAdmin(actor)) return ['admin', 'coordinator', 'director', 'staff', 'observer'];
	if (!can(actor, 'user.manage', resource)) return [];
	return ['director', 'staff', 'observer'];
}

/** Whether some grant lets the actor do the action somewhere (to show a menu entry). */
export function canAnywhere(actor: Actor | null, action: Action): boolean {
	if (!actor) return false;
	return isAdmin(actor) || actor.grants.some((grant) => grant.role !== 'admin' && allowed[grant.role].includes(action));
}
