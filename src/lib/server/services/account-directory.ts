import { localDate } from '#lib/core/local-date.ts';
import type { ScopeDirectory } from '#lib/core/scope-directory.ts';
import { loadScopeDirectory } from '#lib/server/db/account-scopes.ts';
import type { Db } from '#lib/server/db/client.ts';

/**
 * The organisation units with the memberships in force today (in Finland), for the account use
 * cases that check or show grants.
 */
export async function currentScopeDirectory(db: Db, now: Date): Promise<ScopeDirectory> {
	return loadScopeDirectory(db, localDate(now));
}
