import { endMembershipInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import type { Deps } from './deps.ts';
import { libraryToManage, networkOfField, parseOrThrow } from './org-access.ts';
import { leaveNetwork } from './org-memberships.ts';

/**
 * Ends a library's open membership in a network on a date (exclusive: `to` is the first day it is
 * no longer a member). The period stays in the history.
 */
export async function endNetworkMembership(deps: Deps, actor: Actor, libraryId: number, input: unknown): Promise<void> {
	const { network: ref, to } = parseOrThrow(endMembershipInputSchema, input, 'network membership');
	await deps.db.transaction().execute(async (trx) => {
		const library = await libraryToManage(trx, deps, actor, libraryId);
		const network = await networkOfField(trx, ref);
		const membershipId = await leaveNetwork(trx, network.id, libraryId, to);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'network_membership.end',
			targetType: 'library',
			targetId: libraryId,
			details: { key: library.key, networkId: network.id, to, membershipId }
		});
	});
}
