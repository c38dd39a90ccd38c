import { municipalityInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { insertMunicipality } from '#lib/server/db/municipalities.ts';
import type { Municipality } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { parseOrThrow, requireCan } from './org-access.ts';
import { assertUnique } from './org-unique.ts';

/** Creates a municipality. Admins only. */
export async function createMunicipality(deps: Deps, actor: Actor, input: unknown): Promise<Municipality> {
	requireCan(actor, 'org.manage');
	const value = parseOrThrow(municipalityInputSchema, input, 'municipality');
	return deps.db.transaction().execute(async (trx) => {
		await assertUnique(trx, 'municipality', value);
		const municipality = await insertMunicipality(trx, value);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'municipality.create',
			targetType: 'municipality',
			targetId: municipality.id,
			details: { key: municipality.key }
		});
		return municipality;
	});
}
