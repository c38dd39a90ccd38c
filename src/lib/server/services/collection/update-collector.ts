import { readKioskSettings, type KioskSettings } from '#lib/core/collection/collectors.ts';
import { collectorChangesSchema, type CollectionFieldErrors } from '#lib/core/collection/inputs.ts';
import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findCollector, slugTaken, updateCollector as updateCollectorRow, type CollectorRow } from '#lib/server/db/collectors.ts';
import type { Deps } from '../deps.ts';
import { readFrameOrigins } from './create-collector.ts';
import { fieldError, parseOrThrow } from './parse-input.ts';
import { loadStudyAccess, requireManageStudy } from './study-access.ts';
import { inTransaction } from './transaction.ts';

/**
 * Changes a collector's slug, kiosk settings or allowed frame origins, or archives (and restores)
 * it. Channel, mode and library stay: they describe the responses already collected.
 */
export async function updateCollector(
	deps: Deps,
	actor: Actor,
	collectorId: number,
	changes: { slug?: string; settings?: Partial<KioskSettings>; frameOrigins?: string[]; archived?: boolean }
): Promise<CollectorRow> {
	const value = parseOrThrow(collectorChangesSchema, changes, 'collector');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const collector = await findCollector(trx, collectorId);
		if (!collector) throw new AppError('not_found', 'collector_not_found', `No collector ${collectorId}.`);
		requireManageStudy(actor, await loadStudyAccess(trx, collector.studyId, now));
		const errors: CollectionFieldErrors = {};
		const origins = value.frameOrigins === undefined ? undefined : readFrameOrigins(value.frameOrigins, errors);
		if (value.slug !== undefined && value.slug !== collector.slug && (await slugTaken(trx, collector.mode, value.slug))) errors.slug = 'slug_taken';
		if (Object.keys(errors).length > 0) throw fieldError(errors.slug ? 'conflict' : 'invalid', 'collector', errors);
		const updated = await updateCollectorRow(trx, collector.id, {
			slug: value.slug,
			frameOrigins: origins,
			settings: value.settings === undefined ? undefined : { ...readKioskSettings(collector.settings), ...value.settings },
			archivedAt: value.archived === undefined ? undefined : value.archived ? (collector.archivedAt ?? now) : null
		});
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: value.archived === true ? 'collector.archive' : 'collector.update',
			targetType: 'collector',
			targetId: collector.id,
			details: { studyId: collector.studyId, fields: Object.keys(value).filter((field) => value[field as keyof typeof value] !== undefined) }
		});
		return updated;
	});
}
