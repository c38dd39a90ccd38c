import { roles, scopeTypes, type Role, type ScopeType } from '#lib/core/org-types.ts';
import type { ScopeRef } from '#lib/core/scope-directory.ts';
import { requireActor, rethrowAsHttp } from '../../account-guard.ts';
import { listUsersFor } from '#lib/server/services/list-users.ts';
import type { PageServerLoad } from './$types';

const statuses = ['invited', 'active', 'deactivated'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const params = url.searchParams;
	const status = statuses.find((s) => s === params.get('status'));
	const role = roles.find((r) => r === params.get('role')) as Role | undefined;
	const scope = parseScope(params.get('scope') ?? '');
	const search = (params.get('q') ?? '').slice(0, 200);
	const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
	try {
		const result = await listUsersFor(locals.ctx, actor, { status, role, scope, search, page });
		return { ...result, filter: { status: status ?? '', role: role ?? '', scope: params.get('scope') ?? '', q: search } };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};

/** `library:12` → a scope reference; `global:` → the global scope; anything else → none. */
function parseScope(text: string): ScopeRef | undefined {
	const [type, id] = text.split(':');
	if (!type || !(scopeTypes as readonly string[]).includes(type)) return undefined;
	if (type === 'global') return { scopeType: 'global', scopeId: null };
	const scopeId = Number(id);
	return Number.isInteger(scopeId) && scopeId > 0 ? { scopeType: type as ScopeType, scopeId } : undefined;
}
