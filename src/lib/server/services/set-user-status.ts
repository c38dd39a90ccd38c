import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { mayManageUser } from '#lib/core/scope-directory.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findUserById, updateUser } from '#lib/server/db/users.ts';
import { countActiveAdminGrants, listGrantsOfUsers } from '#lib/server/db/user-grants.ts';
import { deleteOtherSessions } from '#lib/server/db/sessions.ts';
import { voidUserTokens } from '#lib/server/db/user-tokens.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';

/**
 * Deactivates or reactivates an account. Deactivation ends every session and open link of the
 * account at once (the session check also refuses inactive accounts); grants stay, so a
 * reactivated account has its roles back. Reactivation returns an account that never set a
 * password to `invited`. An admin cannot deactivate themselves, and the last active admin stays.
 */
export async function setUserStatus(deps: Deps, actor: Actor, input: { userId: number; active: boolean }): Promise<void> {
	const directory = await currentScopeDirectory(deps.db, deps.now());
	const now = deps.now();
	await deps.db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, input.userId);
		if (!user) throw new AppError('not_found', 'user_not_found', `No user ${input.userId}.`);
		const grants = await listGrantsOfUsers(trx, [user.id]);
		if (!mayManageUser(actor, directory, grants)) {
			throw new AppError('forbidden', 'user_manage_not_allowed', `User ${actor.id} may not manage user ${user.id}.`);
		}
		if (!input.active) {
			if (user.status === 'deactivated') return;
			if (user.id === actor.id) throw new AppError('conflict', 'cannot_deactivate_self', `User ${actor.id} tried to deactivate themselves.`);
			const adminGrants = grants.filter((grant) => grant.role === 'admin').length;
			if (adminGrants > 0 && user.status === 'active' && (await countActiveAdminGrants(trx)) - adminGrants < 1) {
				throw new AppError('conflict', 'last_admin', `User ${user.id} holds the last admin grant.`);
			}
			await updateUser(trx, user.id, { status: 'deactivated' }, now);
			await deleteOtherSessions(trx, user.id, null);
			await voidUserTokens(trx, user.id, ['invite', 'reset'], now);
			await insertAuditEvent(trx, { actorUserId: actor.id, action: 'user.deactivate', targetType: 'user', targetId: user.id });
			return;
		}
		if (user.status !== 'deactivated') return;
		const status = user.passwordHash ? 'active' : 'invited';
		await updateUser(trx, user.id, { status }, now);
		await insertAuditEvent(trx, { actorUserId: actor.id, action: 'user.reactivate', targetType: 'user', targetId: user.id, details: { status } });
	});
}
