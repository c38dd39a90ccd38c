import { AppError } from '#lib/core/errors.ts';
import type { Actor, Resource } from '#lib/core/permissions.ts';
import type { Db } from '#lib/server/db/client.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findLibrary, updateLibrary } from '#lib/server/db/libraries.ts';
import { findMobileStopByKey, updateMobileStop } from '#lib/server/db/mobile-stops.ts';
import { findMunicipality, updateMunicipality } from '#lib/server/db/municipalities.ts';
import { findNetwork, updateNetwork } from '#lib/server/db/networks.ts';
import { libraryResource, municipalityResource, networkResource } from '#lib/server/db/org-resources.ts';
import type { Deps } from './deps.ts';
import { requireCan, today } from './org-access.ts';

export type ArchivableUnit =
	| { type: 'network'; id: number }
	| { type: 'municipality'; id: number }
	| { type: 'library'; id: number }
	| { type: 'mobile_stop'; libraryId: number; key: string };

interface Archivable {
	id: number;
	key: string;
	archivedAt: Date | null;
}

/**
 * Archives a unit (or brings it back). Archived units leave lists, pickers and new grants, but
 * keep their key, their memberships and everything recorded against them, so old reports still
 * name them. Nothing is ever deleted.
 */
export async function setArchived(deps: Deps, actor: Actor, unit: ArchivableUnit, archived: boolean): Promise<void> {
	await deps.db.transaction().execute(async (trx) => {
		const date = today(deps);
		const { resource, row, save } = await locate(trx, unit, date);
		requireCan(actor, 'org.manage', resource);
		if (!row) throw new AppError('not_found', 'org_not_found', `No ${unit.type} ${'id' in unit ? unit.id : `${unit.libraryId}/${unit.key}`}.`);
		if ((row.archivedAt !== null) === archived) return;
		const now = deps.now();
		await save(row.id, { archivedAt: archived ? now : null, updatedAt: now });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: `${unit.type}.${archived ? 'archive' : 'unarchive'}`,
			targetType: unit.type,
			targetId: row.id,
			details: { key: row.key }
		});
	});
}

type Changes = { archivedAt: Date | null; updatedAt: Date };

async function locate(
	db: Db,
	unit: ArchivableUnit,
	date: string
): Promise<{ resource: Resource; row: Archivable | undefined; save: (id: number, changes: Changes) => Promise<unknown> }> {
	switch (unit.type) {
		case 'network':
			return { resource: networkResource(unit.id), row: await findNetwork(db, unit.id), save: (id, c) => updateNetwork(db, id, c) };
		case 'municipality':
			return {
				resource: await municipalityResource(db, unit.id, date),
				row: await findMunicipality(db, unit.id),
				save: (id, c) => updateMunicipality(db, id, c)
			};
		case 'library':
			return { resource: await libraryResource(db, unit.id, date), row: await findLibrary(db, unit.id), save: (id, c) => updateLibrary(db, id, c) };
		case 'mobile_stop':
			return {
				resource: await libraryResource(db, unit.libraryId, date),
				row: await findMobileStopByKey(db, unit.libraryId, unit.key),
				save: (id, c) => updateMobileStop(db, id, c)
			};
	}
}
