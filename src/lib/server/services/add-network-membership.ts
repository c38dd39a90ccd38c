import { networkMembershipInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import type { Deps } from './deps.ts';
import { libraryToManage, networkOfField, parseOrThrow } from './org-access.ts';
import { joinNetwork } from './org-memberships.ts';

/** Makes a library a member of a network (key or Kirkanta id) from a date on. */
export async function addNetworkMembership(deps: Deps, actor: Actor, libraryId: number, input: unknown): Promise<void> {
	const { network: ref, from } = parseOrThrow(networkMembershipInputSchema, input, 'network membership');
	await deps.db.transaction().execute(async (trx) => {
		const library = await libraryToManage(trx, deps, actor, libraryId);
		const network = await networkOfField(trx, ref);
		const membershipId = await joinNetwork(trx, network.id, libraryId, from);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'network_membership.add',
			targetType: 'library',
			targetId: libraryId,
			details: { key: library.key, networkId: network.id, from, membershipId }
		});
	});
}
