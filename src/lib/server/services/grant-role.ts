import { AppError } from '#lib/core/errors.ts';
import { grantShapeProblem } from '#lib/core/grant-spec.ts';
import type { Role, ScopeType } from '#lib/core/org-types.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { findScopeUnit, mayGrant } from '#lib/core/scope-directory.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findUserById } from '#lib/server/db/users.ts';
import { insertGrant } from '#lib/server/db/user-grants.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';

export interface GrantInput {
	userId: number;
	role: Role;
	scopeType: ScopeType;
	scopeId: number | null;
}

/** Gives a user a role over a scope, as far as `grantableRoles` lets the actor. */
export async function grantRole(deps: Deps, actor: Actor, input: GrantInput): Promise<{ grantId: number }> {
	const shape = grantShapeProblem(input.role, input.scopeType);
	if (shape) throw new AppError('invalid', shape, `${input.role} cannot be held on ${input.scopeType}.`, { details: { field: 'scope' } });
	const scope = { scopeType: input.scopeType, scopeId: input.scopeType === 'global' ? null : input.scopeId };
	const directory = await currentScopeDirectory(deps.db, deps.now());
	const unit = findScopeUnit(directory, scope);
	if (scope.scopeType !== 'global' && (!unit || unit.archived)) {
		throw new AppError('not_found', 'scope_not_found', `No ${scope.scopeType} ${scope.scopeId}.`, { details: { field: 'scope' } });
	}
	if (!mayGrant(actor, directory, input.role, scope)) {
		throw new AppError('forbidden', 'grant_not_allowed', `User ${actor.id} may not grant ${input.role} on ${scope.scopeType} ${scope.scopeId}.`);
	}
	return deps.db.transaction().execute(async (trx) => {
		if (!(await findUserById(trx, input.userId))) throw new AppError('not_found', 'user_not_found', `No user ${input.userId}.`);
		const grantId = await insertGrant(trx, { userId: input.userId, role: input.role, ...scope, createdBy: actor.id });
		if (grantId === null) throw new AppError('conflict', 'grant_exists', `User ${input.userId} holds ${input.role} on ${scope.scopeType} ${scope.scopeId} already.`);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'grant.add',
			targetType: 'user',
			targetId: input.userId,
			details: { grantId, role: input.role, scopeType: scope.scopeType, scopeId: scope.scopeId }
		});
		return { grantId };
	});
}
