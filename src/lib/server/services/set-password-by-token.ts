import { AppError } from '#lib/core/errors.ts';
import { checkPassword } from '#lib/core/password-policy.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findUserById, updateUser } from '#lib/server/db/users.ts';
import { deleteOtherSessions } from '#lib/server/db/sessions.ts';
import { claimUserToken, findUserToken, voidUserTokens, type TokenPurpose } from '#lib/server/db/user-tokens.ts';
import { hashPassword } from '#lib/server/auth/password.ts';
import { hashToken } from '#lib/server/auth/session.ts';
import type { Db } from '#lib/server/db/client.ts';
import type { Deps } from './deps.ts';

/**
 * The two links that end in a new password: an invitation (an invited account becomes active) and
 * a password reset (an active account gets a new password, and every session of it ends). Both
 * links work once and only until they expire (7 days, 1 hour).
 */

/** Which user status each link is for: an invitation for an invited account, a reset for an active one. */
const statusFor: Record<TokenPurpose, 'invited' | 'active'> = { invite: 'invited', reset: 'active' };

async function usableToken(db: Db, purpose: TokenPurpose, token: string, now: Date) {
	const row = await findUserToken(db, hashToken(token));
	if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
	const user = await findUserById(db, row.userId);
	if (!user || user.status !== statusFor[purpose]) return null;
	return { row, user };
}

/** Whether a link still works, and whose it is (the page greets them by name). */
export async function inspectPasswordToken(
	deps: Deps,
	purpose: TokenPurpose,
	token: string
): Promise<{ displayName: string; email: string } | null> {
	const found = await usableToken(deps.db, purpose, token, deps.now());
	return found ? { displayName: found.user.displayName, email: found.user.email } : null;
}

export async function setPasswordByToken(
	deps: Deps,
	purpose: TokenPurpose,
	token: string,
	newPassword: string
): Promise<{ userId: number }> {
	const problem = checkPassword(newPassword);
	if (problem) throw new AppError('invalid', problem, 'The new password breaks the password rule.', { details: { field: 'newPassword' } });
	const passwordHash = await hashPassword(newPassword);
	const now = deps.now();
	return deps.db.transaction().execute(async (trx) => {
		const found = await usableToken(trx, purpose, token, now);
		if (!found || !(await claimUserToken(trx, found.row.id, now))) {
			throw new AppError('invalid', 'token_invalid', `The ${purpose} link is unknown, used or expired.`);
		}
		const userId = found.user.id;
		await updateUser(trx, userId, { passwordHash, status: 'active' }, now);
		await voidUserTokens(trx, userId, ['invite', 'reset'], now);
		await deleteOtherSessions(trx, userId, null);
		await insertAuditEvent(trx, {
			actorUserId: userId,
			action: purpose === 'invite' ? 'user.invite_accept' : 'user.password_reset',
			targetType: 'user',
			targetId: userId
		});
		return { userId };
	});
}
