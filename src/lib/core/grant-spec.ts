import { roles, type Role, type ScopeType } from './org-types.ts';

/**
 * Which role goes with which kind of scope. An admin grant is always global (`isAdmin` ignores the
 * scope, so an admin grant "on a library" would silently be global); every other role is held over
 * a network, a municipality or a library.
 */
export function grantShapeProblem(role: Role, scopeType: ScopeType): 'grant_admin_global_only' | 'grant_scope_required' | null {
	if (role === 'admin') return scopeType === 'global' ? null : 'grant_admin_global_only';
	return scopeType === 'global' ? 'grant_scope_required' : null;
}

/** A grant named by keys, as the CLI and the invitation form take it: `coordinator:network:pike`. */
export interface GrantSpec {
	role: Role;
	scopeType: ScopeType;
	/** The unit's key; null for `global`. */
	scopeKey: string | null;
}

/**
 * Parses `ROLE:global` or `ROLE:network|municipality|library:KEY`.
 *
 *     parseGrantSpec('director:municipality:tampere')
 *     // { ok: true, grant: { role: 'director', scopeType: 'municipality', scopeKey: 'tampere' } }
 */
export function parseGrantSpec(text: string): { ok: true; grant: GrantSpec } | { ok: false; problem: string } {
	const [role, scopeType, key, ...rest] = text.trim().split(':');
	if (!role || !(roles as readonly string[]).includes(role)) {
		return { ok: false, problem: `unknown role "${role ?? ''}" (one of ${roles.join(', ')})` };
	}
	const typedRole = role as Role;
	if (scopeType === 'global' && key === undefined) {
		const problem = grantShapeProblem(typedRole, 'global');
		return problem ? { ok: false, problem: `${role} needs a scope: network:KEY, municipality:KEY or library:KEY` } : { ok: true, grant: { role: typedRole, scopeType: 'global', scopeKey: null } };
	}
	if ((scopeType === 'network' || scopeType === 'municipality' || scopeType === 'library') && key && rest.length === 0) {
		if (grantShapeProblem(typedRole, scopeType)) return { ok: false, problem: 'admin is always global: use admin:global' };
		return { ok: true, grant: { role: typedRole, scopeType, scopeKey: key } };
	}
	return { ok: false, problem: `"${text}" is not ROLE:global or ROLE:network|municipality|library:KEY` };
}
