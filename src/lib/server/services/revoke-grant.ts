import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { mayGrant } from '#lib/core/scope-directory.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findUserById } from '#lib/server/db/users.ts';
import { countActiveAdminGrants, deleteGrant, findGrant } from '#lib/server/db/user-grants.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';

/**
 * Takes a grant back. Whoever could hand a role out over a scope may take it back; the last admin
 * grant of an active account never goes, so Aspa always has someone who can administer it.
 */
export async function revokeGrant(deps: Deps, actor: Actor, input: { grantId: number }): Promise<void> {
	const directory = await currentScopeDirectory(deps.db, deps.now());
	await deps.db.transaction().execute(async (trx) => {
		const grant = await findGrant(trx, input.grantId);
		if (!grant) throw new AppError('not_found', 'grant_not_found', `No grant ${input.grantId}.`);
		if (!mayGrant(actor, directory, grant.role, grant)) {
			throw new AppError('forbidden', 'grant_not_allowed', `User ${actor.id} may not revoke grant ${grant.id}.`);
		}
		if (grant.role === 'admin') {
			const holder = await findUserById(trx, grant.userId);
			if (holder?.status === 'active' && (await countActiveAdminGrants(trx)) <= 1) {
				throw new AppError('conflict', 'last_admin', `Grant ${grant.id} is the last admin grant of an active account.`);
			}
		}
		await deleteGrant(trx, grant.id);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'grant.revoke',
			targetType: 'user',
			targetId: grant.userId,
			details: { grantId: grant.id, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId }
		});
	});
}
