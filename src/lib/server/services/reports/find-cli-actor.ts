import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { listGrantsOfUsers } from '#lib/server/db/user-grants.ts';
import { findUserByEmail } from '#lib/server/db/users.ts';
import type { Deps } from '../deps.ts';

/**
 * The account `aspa report --as EMAIL` acts as, with its grants, so the command line shows what
 * that person's report page would (their scope, their refusals). Only an active account.
 */
export async function findCliActor(deps: Deps, email: string): Promise<Actor> {
	const user = await findUserByEmail(deps.db, email);
	if (!user || user.status !== 'active') throw new AppError('not_found', 'user_not_found', `No active user ${email}.`);
	const grants = await listGrantsOfUsers(deps.db, [user.id]);
	return {
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		locale: user.locale,
		grants: grants.map((grant) => ({ role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId }))
	};
}
