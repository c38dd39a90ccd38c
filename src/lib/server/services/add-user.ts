import { invitationMail } from '#lib/core/account-mail.ts';
import { AppError } from '#lib/core/errors.ts';
import type { GrantSpec } from '#lib/core/grant-spec.ts';
import type { Locale, Role, ScopeType } from '#lib/core/org-types.ts';
import { checkPassword, looksLikeEmail } from '#lib/core/password-policy.ts';
import type { UserStatus } from '#lib/server/db/schema.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findScopeIdByKey } from '#lib/server/db/account-scopes.ts';
import { findUserByEmail, insertUser, updateUser } from '#lib/server/db/users.ts';
import { insertGrant } from '#lib/server/db/user-grants.ts';
import { deleteOtherSessions } from '#lib/server/db/sessions.ts';
import { voidUserTokens } from '#lib/server/db/user-tokens.ts';
import { hashPassword } from '#lib/server/auth/password.ts';
import { INVITE_VALID_DAYS, issueUserToken, tokenPath } from '#lib/server/auth/one-time-token.ts';
import type { Deps } from './deps.ts';
import { deliverMail, queueMail } from './send-mail.ts';
import { DISPLAY_NAME_MAX } from './invite-user.ts';

export interface AddUserInput {
	email: string;
	displayName: string;
	locale?: Locale;
	grants: GrantSpec[];
	/** Sets this password (the account is active at once); otherwise the account gets a link. */
	password?: string;
	/** Mail the invitation link too (it is returned either way). */
	sendInvitation?: boolean;
}

export interface AddUserResult {
	userId: number;
	created: boolean;
	status: UserStatus;
	grantsAdded: number;
	/** A one-time link to set a password, for an account that has none yet. */
	inviteLink: string | null;
}

/**
 * Adds an account from the command line, run by whoever operates the server (there is no
 * signed-in actor: audit events carry no actor and say `via: cli`). This is how the first admin
 * of a PostgreSQL deployment is made. Idempotent in spirit: an existing address keeps its account
 * and gets the grants it lacks (and the password, when one is given).
 */
export async function addUser(deps: Deps, input: AddUserInput): Promise<AddUserResult> {
	const email = input.email.trim();
	const displayName = input.displayName.trim();
	if (!looksLikeEmail(email)) throw new AppError('invalid', 'email_invalid', `"${email}" is not an e-mail address.`);
	if (!displayName || displayName.length > DISPLAY_NAME_MAX) throw new AppError('invalid', 'display_name_invalid', 'The name is empty or too long.');
	if (input.password !== undefined) {
		const problem = checkPassword(input.password);
		if (problem) throw new AppError('invalid', problem, 'The password must be 12 to 200 characters long.');
	}
	const scopes: { role: Role; scopeType: ScopeType; scopeId: number | null }[] = [];
	for (const grant of input.grants) {
		const scopeId = grant.scopeType === 'global' ? null : await findScopeIdByKey(deps.db, grant.scopeType, grant.scopeKey!);
		if (scopeId === undefined) throw new AppError('not_found', 'scope_not_found', `No ${grant.scopeType} with the key "${grant.scopeKey}".`);
		scopes.push({ role: grant.role, scopeType: grant.scopeType, scopeId });
	}
	const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
	const now = deps.now();

	const result = await deps.db.transaction().execute(async (trx) => {
		const existing = await findUserByEmail(trx, email);
		let userId: number;
		let status: UserStatus;
		if (!existing) {
			status = passwordHash ? 'active' : 'invited';
			userId = await insertUser(trx, { email, displayName, locale: input.locale ?? 'fi', status, passwordHash });
			await insertAuditEvent(trx, { actorUserId: null, action: 'user.create', targetType: 'user', targetId: userId, details: { via: 'cli', status } });
		} else {
			userId = existing.id;
			status = existing.status;
			if (passwordHash) {
				if (status === 'invited') status = 'active';
				await updateUser(trx, userId, { passwordHash, status }, now);
				await deleteOtherSessions(trx, userId, null);
				await voidUserTokens(trx, userId, ['invite', 'reset'], now);
				await insertAuditEvent(trx, { actorUserId: null, action: 'user.password_set', targetType: 'user', targetId: userId, details: { via: 'cli' } });
			}
		}
		let grantsAdded = 0;
		for (const scope of scopes) {
			const grantId = await insertGrant(trx, { userId, ...scope, createdBy: null });
			if (grantId === null) continue;
			grantsAdded++;
			await insertAuditEvent(trx, { actorUserId: null, action: 'grant.add', targetType: 'user', targetId: userId, details: { via: 'cli', grantId, ...scope } });
		}
		let inviteLink: string | null = null;
		let mailId: number | null = null;
		if (status === 'invited') {
			await voidUserTokens(trx, userId, ['invite'], now);
			inviteLink = `${deps.origin}${tokenPath('invite', await issueUserToken(trx, userId, 'invite', now))}`;
			if (input.sendInvitation) {
				const locale = existing?.locale ?? input.locale ?? 'fi';
				const mail = invitationMail(locale, { displayName: existing?.displayName ?? displayName, link: inviteLink, validDays: INVITE_VALID_DAYS });
				mailId = await queueMail(trx, deps, { to: email, subject: mail.subject, text: mail.text });
			}
		}
		return { userId, created: !existing, status, grantsAdded, inviteLink, mailId };
	});
	if (result.mailId !== null) await deliverMail(deps, [result.mailId]);
	return { userId: result.userId, created: result.created, status: result.status, grantsAdded: result.grantsAdded, inviteLink: result.inviteLink };
}
