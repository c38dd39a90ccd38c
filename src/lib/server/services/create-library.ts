import { libraryInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { insertLibrary } from '#lib/server/db/libraries.ts';
import { resolveMunicipality } from '#lib/server/db/municipalities.ts';
import type { Library } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { fieldError, parseOrThrow, requireCan } from './org-access.ts';
import { placeInMunicipality } from './org-memberships.ts';
import { assertUnique } from './org-unique.ts';

/**
 * Creates a library, and places it in a municipality (key or Kirkanta id) from `validFrom` on
 * when one is given. Admins only.
 */
export async function createLibrary(deps: Deps, actor: Actor, input: unknown): Promise<Library> {
	requireCan(actor, 'org.manage');
	const { municipality: municipalityRef, validFrom, ...value } = parseOrThrow(libraryInputSchema, input, 'library');
	return deps.db.transaction().execute(async (trx) => {
		const municipality = municipalityRef ? await resolveMunicipality(trx, municipalityRef) : undefined;
		if (municipalityRef && !municipality) {
			throw fieldError('not_found', 'org_not_found', `No municipality "${municipalityRef}".`, { municipality: 'unknown_unit' });
		}
		await assertUnique(trx, 'library', value);
		const library = await insertLibrary(trx, value);
		if (municipality) await placeInMunicipality(trx, library.id, municipality.id, validFrom);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'library.create',
			targetType: 'library',
			targetId: library.id,
			details: { key: library.key, kind: library.kind, municipalityId: municipality?.id ?? null, validFrom }
		});
		return library;
	});
}
