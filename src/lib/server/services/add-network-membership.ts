import { AppError } from '#lib/core/errors.ts';
import { networkMembershipInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findLibrary } from '#lib/server/db/libraries.ts';
import { resolveNetwork } from '#lib/server/db/networks.ts';
import { libraryResource } from '#lib/server/db/org-resources.ts';
import type { Deps } from './deps.ts';
import { fieldError, parseOrThrow, requireCan, today } from './org-access.ts';
import { joinNetwork } from './org-memberships.ts';

/** Makes a library a member of a network (key or Kirkanta id) from a date on. */
export async function addNetworkMembership(deps: Deps, actor: Actor, libraryId: number, input: unknown): Promise<void> {
	const { network: ref, from } = parseOrThrow(networkMembershipInputSchema, input, 'network membership');
	await deps.db.transaction().execute(async (trx) => {
		requireCan(actor, 'org.manage', await libraryResource(trx, libraryId, today(deps)));
		const library = await findLibrary(trx, libraryId);
		if (!library) throw new AppError('not_found', 'org_not_found', `No library ${libraryId}.`);
		const network = await resolveNetwork(trx, ref);
		if (!network) throw fieldError('not_found', 'org_not_found', `No network "${ref}".`, { network: 'unknown_unit' });
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
