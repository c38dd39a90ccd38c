import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { mayManageUser } from '#lib/core/scope-directory.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findUserById } from '#lib/server/db/users.ts';
import { listGrantsOfUsers } from '#lib/server/db/user-grants.ts';
import { voidUserTokens } from '#lib/server/db/user-tokens.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';
import { queueInvitation } from './invite-user.ts';
import { deliverMail } from './send-mail.ts';

/** Sends an invited account a fresh link (valid 7 days); earlier links stop working. */
export async function resendInvitation(deps: Deps, actor: Actor, input: { userId: number }): Promise<void> {
	const directory = await currentScopeDirectory(deps.db, deps.now());
	const now = deps.now();
	const mailId = await deps.db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, input.userId);
		if (!user) throw new AppError('not_found', 'user_not_found', `No user ${input.userId}.`);
		if (!mayManageUser(actor, directory, await listGrantsOfUsers(trx, [user.id]))) {
			throw new AppError('forbidden', 'user_manage_not_allowed', `User ${actor.id} may not manage user ${user.id}.`);
		}
		if (user.status !== 'invited') throw new AppError('conflict', 'user_not_invited', `User ${user.id} is ${user.status}, not invited.`);
		await voidUserTokens(trx, user.id, ['invite'], now);
		const mailId = await queueInvitation(trx, deps, { userId: user.id, email: user.email, displayName: user.displayName, locale: user.locale }, now);
		await insertAuditEvent(trx, { actorUserId: actor.id, action: 'user.invite_resend', targetType: 'user', targetId: user.id });
		return mailId;
	});
	await deliverMail(deps, [mailId]);
}
