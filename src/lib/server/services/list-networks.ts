import type { NetworkListFilter } from '#lib/core/organisations.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { membershipsOn } from '#lib/server/db/memberships.ts';
import { listNetworks } from '#lib/server/db/networks.ts';
import type { Network } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { requireAnywhere, today } from './org-access.ts';

/** Networks the actor may see (coordinators: their own; admins: all), with today's library count. */
export async function listNetworksFor(deps: Deps, actor: Actor, filter: NetworkListFilter): Promise<(Network & { libraryCount: number })[]> {
	requireAnywhere(actor, 'org.view');
	const [networks, memberships] = await Promise.all([
		listNetworks(deps.db, { kind: filter.kind, q: filter.q, includeArchived: filter.archived === '1' }),
		membershipsOn(deps.db, today(deps))
	]);
	const counts = new Map<number, number>();
	for (const networkIds of memberships.networksOf.values()) for (const id of networkIds) counts.set(id, (counts.get(id) ?? 0) + 1);
	return networks.filter((n) => can(actor, 'org.view', { type: 'network', id: n.id })).map((n) => ({ ...n, libraryCount: counts.get(n.id) ?? 0 }));
}
