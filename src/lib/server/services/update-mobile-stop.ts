import { AppError } from '#lib/core/errors.ts';
import { mobileStopUpdateSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findMobileStopByKey, updateMobileStop as updateMobileStopRow } from '#lib/server/db/mobile-stops.ts';
import { libraryResource } from '#lib/server/db/org-resources.ts';
import type { MobileStop } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { changedFields, parseOrThrow, requireCan, today } from './org-access.ts';

/** Renames a mobile stop (Finnish and Swedish names); its key never changes. */
export async function updateMobileStop(deps: Deps, actor: Actor, libraryId: number, stopKey: string, input: unknown): Promise<MobileStop> {
	const value = parseOrThrow(mobileStopUpdateSchema, input, 'mobile stop');
	return deps.db.transaction().execute(async (trx) => {
		requireCan(actor, 'org.manage', await libraryResource(trx, libraryId, today(deps)));
		const before = await findMobileStopByKey(trx, libraryId, stopKey);
		if (!before) throw new AppError('not_found', 'org_not_found', `Library ${libraryId} has no stop ${stopKey}.`);
		const changed = changedFields(before, value);
		if (!changed.length) return before;
		const stop = await updateMobileStopRow(trx, before.id, { ...value, updatedAt: deps.now() });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'mobile_stop.update',
			targetType: 'mobile_stop',
			targetId: stop.id,
			details: { libraryId, key: stop.key, changed }
		});
		return stop;
	});
}
