import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findDraftVersion, findInstrument, findLatestPublishedVersion, insertDraftVersion, type VersionRow } from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { requireAnywhere } from '../org-access.ts';
import { instrumentNotFound } from './create-instrument.ts';
import { inTransaction } from './transaction.ts';

/**
 * The instrument's draft to edit: the existing one, or a new version copied from the latest
 * published version, so every item keeps its id (rounds compare on ids).
 */
export async function startInstrumentDraft(deps: Deps, actor: Actor, instrumentId: number): Promise<VersionRow> {
	requireAnywhere(actor, 'study.manage');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const instrument = await findInstrument(trx, instrumentId);
		if (!instrument) throw instrumentNotFound(instrumentId);
		const draft = await findDraftVersion(trx, instrumentId);
		if (draft) return draft;
		const published = await findLatestPublishedVersion(trx, instrumentId);
		if (!published) throw new AppError('not_found', 'no_draft', `Instrument ${instrumentId} has no version to start from.`);
		const created = await insertDraftVersion(trx, { instrumentId, definition: published.definition, createdBy: actor.id, now });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'instrument.start_draft',
			targetType: 'instrument',
			targetId: instrumentId,
			details: { versionId: created.id, version: created.version, from: published.version }
		});
		return created;
	});
}
