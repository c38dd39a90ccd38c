import { AppError } from '#lib/core/errors.ts';
import { moveLibraryInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { resolveMunicipality } from '#lib/server/db/municipalities.ts';
import type { Deps } from './deps.ts';
import { fieldError, libraryToManage, parseOrThrow } from './org-access.ts';
import { placeInMunicipality } from './org-memberships.ts';

/**
 * Moves a library to another municipality from a date on (a merger of municipalities, a library
 * handed over): the current period ends on that date and a new one starts. Earlier rounds keep
 * reporting the library under the municipality it belonged to then.
 */
export async function moveLibrary(deps: Deps, actor: Actor, libraryId: number, input: unknown): Promise<void> {
	const { municipality: ref, from } = parseOrThrow(moveLibraryInputSchema, input, 'move');
	await deps.db.transaction().execute(async (trx) => {
		const library = await libraryToManage(trx, deps, actor, libraryId);
		const municipality = await resolveMunicipality(trx, ref);
		if (!municipality) throw fieldError('not_found', 'org_not_found', `No municipality "${ref}".`, { municipality: 'unknown_unit' });
		const placement = await placeInMunicipality(trx, libraryId, municipality.id, from);
		if (placement.change === 'unchanged') {
			throw new AppError('conflict', 'org_membership_unchanged', `Library ${library.key} is in municipality ${municipality.key} already.`);
		}
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'library.move',
			targetType: 'library',
			targetId: libraryId,
			details: { key: library.key, municipalityId: municipality.id, from, membershipId: placement.id, endedMembershipId: placement.change === 'moved' ? placement.endedId : null }
		});
	});
}
