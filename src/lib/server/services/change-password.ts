import { AppError } from '#lib/core/errors.ts';
import { checkPassword } from '#lib/core/password-policy.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findUserById, updateUser } from '#lib/server/db/users.ts';
import { deleteOtherSessions } from '#lib/server/db/sessions.ts';
import { voidUserTokens } from '#lib/server/db/user-tokens.ts';
import { deleteLoginFailures, insertLoginFailure, listLoginFailuresSince } from '#lib/server/db/login-failures.ts';
import { hashPassword, verifyPassword } from '#lib/server/auth/password.ts';
import { hashToken } from '#lib/server/auth/session.ts';
import { emailThrottleKey, LOGIN_WINDOW_MS, MAX_FAILURES_PER_EMAIL, throttledUntil } from '#lib/server/auth/login-throttle.ts';
import type { Deps } from './deps.ts';

export interface ChangePasswordInput {
	currentPassword: string;
	newPassword: string;
	/** The session this change is made in: it stays, every other session of the user ends. */
	sessionToken: string | null;
}

/**
 * Changes the signed-in user's own password. The current password must be given (a session left
 * open on a shared desk computer is not enough), and wrong guesses count towards the same
 * throttle as sign-ins. Every other session ends, and open reset links stop working.
 */
export async function changePassword(deps: Deps, actor: Actor, input: ChangePasswordInput): Promise<void> {
	const problem = checkPassword(input.newPassword);
	if (problem) throw new AppError('invalid', problem, `The new password of user ${actor.id} breaks the password rule.`, { details: { field: 'newPassword' } });
	const user = await findUserById(deps.db, actor.id);
	if (!user?.passwordHash || user.status !== 'active') throw new AppError('unauthenticated', 'not_signed_in', `User ${actor.id} is not active.`);

	const now = deps.now();
	const key = emailThrottleKey(user.email);
	const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
	const until = throttledUntil(await listLoginFailuresSince(deps.db, key, windowStart), MAX_FAILURES_PER_EMAIL);
	if (until) {
		const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
		throw new AppError('invalid', 'login_throttled', `Too many wrong passwords for user ${actor.id}.`, { details: { minutes } });
	}
	if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
		await insertLoginFailure(deps.db, key, now, windowStart);
		throw new AppError('invalid', 'current_password_wrong', `Wrong current password for user ${actor.id}.`, {
			details: { field: 'currentPassword' }
		});
	}

	const passwordHash = await hashPassword(input.newPassword);
	await deps.db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { passwordHash }, now);
		await deleteOtherSessions(trx, user.id, input.sessionToken ? hashToken(input.sessionToken) : null);
		await voidUserTokens(trx, user.id, ['reset'], now);
		await deleteLoginFailures(trx, key);
		await insertAuditEvent(trx, { actorUserId: user.id, action: 'user.password_change', targetType: 'user', targetId: user.id });
	});
}
