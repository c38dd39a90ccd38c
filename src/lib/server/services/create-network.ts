import { networkInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { insertNetwork } from '#lib/server/db/networks.ts';
import type { Network } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { parseOrThrow, requireCan } from './org-access.ts';
import { assertUnique } from './org-unique.ts';

/** Creates a network (development area, consortium or project). Admins only. */
export async function createNetwork(deps: Deps, actor: Actor, input: unknown): Promise<Network> {
	requireCan(actor, 'org.manage');
	const value = parseOrThrow(networkInputSchema, input, 'network');
	return deps.db.transaction().execute(async (trx) => {
		await assertUnique(trx, 'network', value);
		const network = await insertNetwork(trx, value);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'network.create',
			targetType: 'network',
			targetId: network.id,
			details: { key: network.key, kind: network.kind }
		});
		return network;
	});
}
