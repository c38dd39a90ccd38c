import { AppError } from '#lib/core/errors.ts';
import { networkUpdateSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findNetwork, updateNetwork as updateNetworkRow } from '#lib/server/db/networks.ts';
import { networkResource } from '#lib/server/db/org-resources.ts';
import type { Network } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { changedFields, parseOrThrow, requireCan } from './org-access.ts';
import { assertUnique } from './org-unique.ts';

/** Edits a network's kind, names and Kirkanta id; its key never changes. */
export async function updateNetwork(deps: Deps, actor: Actor, networkId: number, input: unknown): Promise<Network> {
	requireCan(actor, 'org.manage', networkResource(networkId));
	const value = parseOrThrow(networkUpdateSchema, input, 'network');
	return deps.db.transaction().execute(async (trx) => {
		const before = await findNetwork(trx, networkId);
		if (!before) throw new AppError('not_found', 'org_not_found', `No network ${networkId}.`);
		await assertUnique(trx, 'network', { kirkantaId: value.kirkantaId }, networkId);
		const changed = changedFields(before, value);
		if (!changed.length) return before;
		const network = await updateNetworkRow(trx, networkId, { ...value, updatedAt: deps.now() });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'network.update',
			targetType: 'network',
			targetId: networkId,
			details: { key: network.key, changed }
		});
		return network;
	});
}
