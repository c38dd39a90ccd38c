import { AppError } from '#lib/core/errors.ts';
import { municipalityUpdateSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findMunicipality, updateMunicipality as updateMunicipalityRow } from '#lib/server/db/municipalities.ts';
import type { Municipality } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { changedFields, parseOrThrow, requireCan } from './org-access.ts';
import { assertUnique } from './org-unique.ts';

/** Edits a municipality's names and Kirkanta id; its key never changes. */
export async function updateMunicipality(deps: Deps, actor: Actor, municipalityId: number, input: unknown): Promise<Municipality> {
	requireCan(actor, 'org.manage');
	const value = parseOrThrow(municipalityUpdateSchema, input, 'municipality');
	return deps.db.transaction().execute(async (trx) => {
		const before = await findMunicipality(trx, municipalityId);
		if (!before) throw new AppError('not_found', 'org_not_found', `No municipality ${municipalityId}.`);
		await assertUnique(trx, 'municipality', { kirkantaId: value.kirkantaId }, municipalityId);
		const changed = changedFields(before, value);
		if (!changed.length) return before;
		const municipality = await updateMunicipalityRow(trx, municipalityId, { ...value, updatedAt: deps.now() });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'municipality.update',
			targetType: 'municipality',
			targetId: municipalityId,
			details: { key: municipality.key, changed }
		});
		return municipality;
	});
}
