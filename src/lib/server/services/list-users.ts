import { AppError } from '#lib/core/errors.ts';
import type { Role, ScopeType } from '#lib/core/org-types.ts';
import { canAnywhere, isAdmin, type Actor } from '#lib/core/permissions.ts';
import { findScopeUnit, grantChoices, mayGrant, scopeKeyOf, scopesWhere, type ScopeDirectory, type ScopeRef, type ScopeUnit } from '#lib/core/scope-directory.ts';
import type { UserStatus } from '#lib/server/db/schema.ts';
import { listUsers } from '#lib/server/db/users.ts';
import { listGrantsOfUsers, type GrantRow } from '#lib/server/db/user-grants.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';

export const USERS_PAGE_SIZE = 50;

export interface GrantView extends ScopeRef {
	id: number;
	role: Role;
	/** The unit the grant is on (undefined for global, or a unit that is gone). */
	unit?: ScopeUnit;
	/** Whether the actor may take this grant back. */
	revocable: boolean;
}

export interface UserFilter {
	status?: UserStatus;
	role?: Role;
	scope?: ScopeRef;
	search?: string;
	/** 1-based. */
	page?: number;
}

export interface ScopeOption extends ScopeRef {
	unit?: ScopeUnit;
}

/**
 * The users an actor may see, a page at a time: admins see every account; a coordinator or
 * director the accounts holding a grant inside their scope. Also the scopes the filter offers and
 * whether the actor may invite anyone.
 */
export async function listUsersFor(deps: Deps, actor: Actor, filter: UserFilter) {
	if (!canAnywhere(actor, 'user.view')) throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not list users.`);
	const directory = await currentScopeDirectory(deps.db, deps.now());
	const visible = isAdmin(actor) ? undefined : [...scopesWhere(actor, directory, 'user.view')];
	const page = Math.max(1, filter.page ?? 1);
	const { rows, total } = await listUsers(deps.db, {
		status: filter.status,
		role: filter.role,
		scope: filter.scope,
		search: filter.search,
		withinScopes: visible,
		limit: USERS_PAGE_SIZE,
		offset: (page - 1) * USERS_PAGE_SIZE
	});
	const grants = await listGrantsOfUsers(deps.db, rows.map((row) => row.id));
	const users = rows.map((row) => ({
		...row,
		grants: grants.filter((grant) => grant.userId === row.id).map((grant) => grantView(actor, directory, grant))
	}));
	const scopeOptions: ScopeOption[] = scopeOptionsFor(directory, visible);
	return {
		users,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
		scopeOptions,
		canInvite: grantChoices(actor, directory).length > 0
	};
}

export function grantView(actor: Actor, directory: ScopeDirectory, grant: GrantRow): GrantView {
	return {
		id: grant.id,
		role: grant.role,
		scopeType: grant.scopeType,
		scopeId: grant.scopeId,
		unit: findScopeUnit(directory, grant),
		revocable: mayGrant(actor, directory, grant.role, grant)
	};
}

function scopeOptionsFor(directory: ScopeDirectory, visible: string[] | undefined): ScopeOption[] {
	const all: ScopeOption[] = [
		{ scopeType: 'global', scopeId: null },
		...directory.networks.map((unit) => ({ scopeType: 'network' as ScopeType, scopeId: unit.id, unit })),
		...directory.municipalities.map((unit) => ({ scopeType: 'municipality' as ScopeType, scopeId: unit.id, unit })),
		...directory.libraries.map((unit) => ({ scopeType: 'library' as ScopeType, scopeId: unit.id, unit }))
	];
	return visible ? all.filter((option) => visible.includes(scopeKeyOf(option))) : all;
}
