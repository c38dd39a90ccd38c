import { invitationMail } from '#lib/core/account-mail.ts';
import { AppError } from '#lib/core/errors.ts';
import { grantShapeProblem } from '#lib/core/grant-spec.ts';
import type { Locale, Role, ScopeType } from '#lib/core/org-types.ts';
import { looksLikeEmail } from '#lib/core/password-policy.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { findScopeUnit, grantChoices, mayGrant, type GrantChoice } from '#lib/core/scope-directory.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findUserByEmail, insertUser } from '#lib/server/db/users.ts';
import { insertGrant } from '#lib/server/db/user-grants.ts';
import { INVITE_VALID_DAYS, issueUserToken, tokenPath } from '#lib/server/auth/one-time-token.ts';
import type { Db } from '#lib/server/db/client.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';
import { deliverMail, queueMail } from './send-mail.ts';

export interface InviteInput {
	email: string;
	displayName: string;
	locale: Locale;
	role: Role;
	scopeType: ScopeType;
	scopeId: number | null;
}

export const DISPLAY_NAME_MAX = 200;

/**
 * Creates an invited account with one grant and mails it a link (valid 7 days) to set a password.
 * Admins invite anyone to any role; a coordinator invites directors, staff and observers inside
 * their network. The mail is in the invitee's language.
 */
export async function inviteUser(deps: Deps, actor: Actor, input: InviteInput): Promise<{ userId: number }> {
	const email = input.email.trim();
	const displayName = input.displayName.trim();
	if (!looksLikeEmail(email)) throw new AppError('invalid', 'email_invalid', 'The e-mail address is not valid.', { details: { field: 'email' } });
	if (!displayName || displayName.length > DISPLAY_NAME_MAX) {
		throw new AppError('invalid', 'display_name_invalid', 'The display name is empty or too long.', { details: { field: 'displayName' } });
	}
	const shape = grantShapeProblem(input.role, input.scopeType);
	if (shape) throw new AppError('invalid', shape, `${input.role} cannot be held on ${input.scopeType}.`, { details: { field: 'scope' } });

	const directory = await currentScopeDirectory(deps.db, deps.now());
	const scope = { scopeType: input.scopeType, scopeId: input.scopeType === 'global' ? null : input.scopeId };
	const unit = findScopeUnit(directory, scope);
	if (scope.scopeType !== 'global' && (!unit || unit.archived)) {
		throw new AppError('not_found', 'scope_not_found', `No ${scope.scopeType} ${scope.scopeId}.`, { details: { field: 'scope' } });
	}
	if (!mayGrant(actor, directory, input.role, scope)) {
		throw new AppError('forbidden', 'grant_not_allowed', `User ${actor.id} may not grant ${input.role} on ${scope.scopeType} ${scope.scopeId}.`, {
			details: { field: 'role' }
		});
	}

	const now = deps.now();
	const { userId, mailId } = await deps.db.transaction().execute(async (trx) => {
		if (await findUserByEmail(trx, email)) {
			throw new AppError('conflict', 'email_taken', 'An account with this e-mail address exists already.', { details: { field: 'email' } });
		}
		const userId = await insertUser(trx, { email, displayName, locale: input.locale, status: 'invited' });
		const grantId = await insertGrant(trx, { userId, role: input.role, ...scope, createdBy: actor.id });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'user.invite',
			targetType: 'user',
			targetId: userId,
			details: { grantId, role: input.role, scopeType: scope.scopeType, scopeId: scope.scopeId }
		});
		const mailId = await queueInvitation(trx, deps, { userId, email, displayName, locale: input.locale }, now);
		return { userId, mailId };
	});
	await deliverMail(deps, [mailId]);
	return { userId };
}

/** Issues an invitation token and queues its mail; returns the outbox id. */
export async function queueInvitation(
	db: Db,
	deps: Deps,
	user: { userId: number; email: string; displayName: string; locale: Locale },
	now: Date
): Promise<number> {
	const token = await issueUserToken(db, user.userId, 'invite', now);
	const mail = invitationMail(user.locale, {
		displayName: user.displayName,
		link: `${deps.origin}${tokenPath('invite', token)}`,
		validDays: INVITE_VALID_DAYS
	});
	return queueMail(db, deps, { to: user.email, subject: mail.subject, text: mail.text });
}

/** The roles and scopes the actor may invite to (the choices of the invitation form). */
export async function invitationChoices(deps: Deps, actor: Actor): Promise<GrantChoice[]> {
	return grantChoices(actor, await currentScopeDirectory(deps.db, deps.now()));
}
