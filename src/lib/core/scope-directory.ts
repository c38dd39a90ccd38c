import type { Locale, Role, ScopeType } from './org-types.ts';
import { can, GLOBAL, grantableRoles, isAdmin, type Action, type Actor, type Resource } from './permissions.ts';

/**
 * The organisation units that grants point at, with the memberships in force, small enough to
 * hold whole (a country has a few hundred municipalities and under a thousand libraries). Account
 * pages use it to turn a grant into a permission `Resource`, to name its scope, and to offer the
 * scopes an actor may hand out.
 */
export interface ScopeUnit {
	id: number;
	key: string;
	nameFi: string;
	nameSv: string | null;
	/** Archived units keep their grants and names but are offered for no new grant. */
	archived?: boolean;
}

export interface ScopeDirectory {
	networks: ScopeUnit[];
	/** networkIds: the networks holding one of the municipality's libraries now. */
	municipalities: (ScopeUnit & { networkIds: number[] })[];
	libraries: (ScopeUnit & { municipalityIds: number[]; networkIds: number[] })[];
}

export interface ScopeRef {
	scopeType: ScopeType;
	scopeId: number | null;
}

/** The resource a grant's scope stands for, or null when the unit no longer exists. */
export function resourceOf(directory: ScopeDirectory, scope: ScopeRef): Resource | null {
	switch (scope.scopeType) {
		case 'global':
			return GLOBAL;
		case 'network':
			return directory.networks.some((n) => n.id === scope.scopeId) ? { type: 'network', id: scope.scopeId! } : null;
		case 'municipality': {
			const unit = directory.municipalities.find((u) => u.id === scope.scopeId);
			return unit ? { type: 'municipality', id: unit.id, networkIds: unit.networkIds } : null;
		}
		case 'library': {
			const unit = directory.libraries.find((u) => u.id === scope.scopeId);
			return unit ? { type: 'library', id: unit.id, municipalityIds: unit.municipalityIds, networkIds: unit.networkIds } : null;
		}
	}
}

export function findScopeUnit(directory: ScopeDirectory, scope: ScopeRef): ScopeUnit | undefined {
	switch (scope.scopeType) {
		case 'global':
			return undefined;
		case 'network':
			return directory.networks.find((u) => u.id === scope.scopeId);
		case 'municipality':
			return directory.municipalities.find((u) => u.id === scope.scopeId);
		case 'library':
			return directory.libraries.find((u) => u.id === scope.scopeId);
	}
}

/** A unit's name in the reader's language: Swedish where the unit has one, otherwise Finnish. */
export function unitName(unit: Pick<ScopeUnit, 'nameFi' | 'nameSv'>, locale: Locale): string {
	return locale === 'sv' && unit.nameSv ? unit.nameSv : unit.nameFi;
}

/** The scopes (as `scopeType:id` strings) on which the actor may do `action`. */
export function scopesWhere(actor: Actor, directory: ScopeDirectory, action: Action): Set<string> {
	const found = new Set<string>();
	if (can(actor, action, GLOBAL)) found.add('global:');
	for (const scopeType of ['network', 'municipality', 'library'] as const) {
		const units = scopeType === 'network' ? directory.networks : scopeType === 'municipality' ? directory.municipalities : directory.libraries;
		for (const unit of units) {
			const resource = resourceOf(directory, { scopeType, scopeId: unit.id });
			if (resource && can(actor, action, resource)) found.add(`${scopeType}:${unit.id}`);
		}
	}
	return found;
}

export function scopeKeyOf(scope: ScopeRef): string {
	return `${scope.scopeType}:${scope.scopeId ?? ''}`;
}

/**
 * Whether the actor may hand out (and so also take back) `role` over `scope`. A scope that no
 * longer exists can be managed by admins only.
 */
export function mayGrant(actor: Actor, directory: ScopeDirectory, role: Role, scope: ScopeRef): boolean {
	const resource = resourceOf(directory, scope);
	if (!resource) return isAdmin(actor);
	return grantableRoles(actor, resource).includes(role);
}

/**
 * Whether the actor may manage a whole account (deactivate, reactivate, resend its invitation):
 * admins always; others only when they could have handed out every grant the account holds, so a
 * coordinator never locks out another coordinator, an admin, or someone from another network.
 */
export function mayManageUser(actor: Actor, directory: ScopeDirectory, grants: readonly (ScopeRef & { role: Role })[]): boolean {
	if (isAdmin(actor)) return true;
	return grants.length > 0 && grants.every((grant) => mayGrant(actor, directory, grant.role, grant));
}

export interface GrantChoice extends ScopeRef {
	/** The unit, or undefined for the global scope. */
	unit?: ScopeUnit;
	roles: Role[];
}

/**
 * The scopes the actor may hand roles out on, and which roles on each: the choices of the
 * invitation and grant forms. Archived units are left out.
 */
export function grantChoices(actor: Actor, directory: ScopeDirectory): GrantChoice[] {
	const choices: GrantChoice[] = [];
	const globalRoles = grantableRoles(actor, GLOBAL).filter((role) => role === 'admin');
	if (globalRoles.length) choices.push({ scopeType: 'global', scopeId: null, roles: globalRoles });
	const groups = [
		['network', directory.networks],
		['municipality', directory.municipalities],
		['library', directory.libraries]
	] as const;
	for (const [scopeType, units] of groups) {
		for (const unit of units) {
			if (unit.archived) continue;
			const resource = resourceOf(directory, { scopeType, scopeId: unit.id });
			const roles = resource ? grantableRoles(actor, resource).filter((role) => role !== 'admin') : [];
			if (roles.length) choices.push({ scopeType, scopeId: unit.id, unit, roles });
		}
	}
	return choices;
}
