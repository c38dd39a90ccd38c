import { passwordResetMail } from '#lib/core/account-mail.ts';
import { findUserByEmail } from '#lib/server/db/users.ts';
import { countTokensSince } from '#lib/server/db/user-tokens.ts';
import { issueUserToken, RESET_VALID_MINUTES, tokenPath } from '#lib/server/auth/one-time-token.ts';
import type { Deps } from './deps.ts';
import { deliverMail, queueMail } from './send-mail.ts';

/** At most this many reset mails per account per hour, so the form cannot flood a mailbox. */
const MAX_RESETS_PER_HOUR = 3;

/**
 * Sends a password-reset link to an active account. Returns nothing, whatever the address: the
 * page says the same ("if the address has an account, a link is on its way") for every input, so
 * the form tells nobody which addresses have accounts.
 */
export async function requestPasswordReset(deps: Deps, input: { email: string }): Promise<void> {
	const user = await findUserByEmail(deps.db, input.email);
	if (!user || user.status !== 'active') {
		deps.log.info({ event: 'reset_requested', found: false }, 'password reset asked for an address without an active account');
		return;
	}
	const now = deps.now();
	if ((await countTokensSince(deps.db, user.id, 'reset', new Date(now.getTime() - 60 * 60 * 1000))) >= MAX_RESETS_PER_HOUR) {
		deps.log.warn({ event: 'reset_limited', userId: user.id }, 'password reset limit reached; no mail sent');
		return;
	}
	const mailId = await deps.db.transaction().execute(async (trx) => {
		const token = await issueUserToken(trx, user.id, 'reset', now);
		const mail = passwordResetMail(user.locale, {
			displayName: user.displayName,
			link: `${deps.origin}${tokenPath('reset', token)}`,
			validMinutes: RESET_VALID_MINUTES
		});
		return queueMail(trx, deps, { to: user.email, subject: mail.subject, text: mail.text });
	});
	deps.log.info({ event: 'reset_requested', userId: user.id, mailId }, 'password reset link sent');
	await deliverMail(deps, [mailId]);
}
