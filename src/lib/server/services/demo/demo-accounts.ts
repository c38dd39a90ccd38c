import type { Role } from '#lib/core/org-types.ts';
import { findScopeIdByKey } from '#lib/server/db/account-scopes.ts';
import { findUserByEmail, insertUser, updateUser } from '#lib/server/db/users.ts';
import { insertGrant } from '#lib/server/db/user-grants.ts';
import { hashPassword } from '#lib/server/auth/password.ts';
import { DEMO_PASSWORD } from '../demo-password.ts';
import type { Deps } from '../deps.ts';

/**
 * One demo account per role, on the units the organisation demo creates. All share
 * DEMO_PASSWORD and are marked `is_demo`. Idempotent: a second run resets nothing but adds what
 * is missing (an account, a grant).
 */
export const demoAccounts: readonly {
	email: string;
	displayName: string;
	role: Role;
	scope: { type: 'global' } | { type: 'network' | 'municipality' | 'library'; key: string };
}[] = [
	{ email: 'admin@aspa.example', displayName: 'Demo Pääkäyttäjä', role: 'admin', scope: { type: 'global' } },
	{ email: 'coordinator@aspa.example', displayName: 'Demo Kehittämiskoordinaattori', role: 'coordinator', scope: { type: 'network', key: 'pike' } },
	{ email: 'director@aspa.example', displayName: 'Demo Kirjastotoimenjohtaja', role: 'director', scope: { type: 'municipality', key: 'tampere' } },
	{ email: 'staff@aspa.example', displayName: 'Demo Asiakaspalvelija', role: 'staff', scope: { type: 'library', key: 'tampere-metso' } },
	{ email: 'observer@aspa.example', displayName: 'Demo Havainnoija', role: 'observer', scope: { type: 'network', key: 'kyyti' } }
];

export async function loadDemoAccounts(deps: Deps): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const now = deps.now();
	for (const account of demoAccounts) {
		const existing = await findUserByEmail(deps.db, account.email);
		const userId = existing
			? existing.id
			: await insertUser(deps.db, { email: account.email, displayName: account.displayName, locale: 'fi', status: 'active', passwordHash, isDemo: true });
		if (existing && !existing.isDemo) {
			// Never take over an account someone made by hand with a demo address.
			deps.log.warn({ userId }, 'a demo address belongs to a non-demo account; left as it is');
			continue;
		}
		if (existing && existing.status !== 'active') await updateUser(deps.db, userId, { status: 'active', passwordHash }, now);
		const scopeId = account.scope.type === 'global' ? null : await findScopeIdByKey(deps.db, account.scope.type, account.scope.key);
		if (scopeId === undefined) {
			deps.log.warn({ role: account.role, scope: account.scope }, 'demo unit missing; demo account left without this grant');
			continue;
		}
		await insertGrant(deps.db, { userId, role: account.role, scopeType: account.scope.type, scopeId, createdBy: null });
	}
}
