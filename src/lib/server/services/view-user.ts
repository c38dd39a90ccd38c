import { AppError } from '#lib/core/errors.ts';
import { isAdmin, type Actor } from '#lib/core/permissions.ts';
import { grantChoices, mayManageUser, scopeKeyOf, scopesWhere } from '#lib/core/scope-directory.ts';
import { findUserById } from '#lib/server/db/users.ts';
import { listGrantsOfUsers } from '#lib/server/db/user-grants.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';
import { grantView } from './list-users.ts';

/**
 * One account as the user administration shows it: its grants (and which of them the actor may
 * take back), the grants the actor may add, and whether the actor may deactivate, reactivate or
 * re-invite it. Visible to admins, and to those who may see users in a scope the account holds a
 * grant in.
 */
export async function viewUser(deps: Deps, actor: Actor, userId: number) {
	const user = await findUserById(deps.db, userId);
	if (!user) throw new AppError('not_found', 'user_not_found', `No user ${userId}.`);
	const directory = await currentScopeDirectory(deps.db, deps.now());
	const grants = await listGrantsOfUsers(deps.db, [user.id]);
	if (!isAdmin(actor)) {
		const visible = scopesWhere(actor, directory, 'user.view');
		if (!grants.some((grant) => visible.has(scopeKeyOf(grant)))) {
			throw new AppError('not_found', 'user_not_found', `User ${userId} is not visible to user ${actor.id}.`);
		}
	}
	const manageable = mayManageUser(actor, directory, grants);
	return {
		user: {
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			locale: user.locale,
			status: user.status,
			isDemo: user.isDemo,
			lastLoginAt: user.lastLoginAt,
			createdAt: user.createdAt
		},
		grants: grants.map((grant) => grantView(actor, directory, grant)),
		choices: grantChoices(actor, directory),
		canDeactivate: manageable && user.status !== 'deactivated' && user.id !== actor.id,
		canReactivate: manageable && user.status === 'deactivated',
		canResendInvitation: manageable && user.status === 'invited'
	};
}
