import { mobileStopInputSchema, slugify, uniqueKey } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { insertMobileStop, listMobileStops } from '#lib/server/db/mobile-stops.ts';
import type { MobileStop } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { fieldError, libraryToManage, parseOrThrow } from './org-access.ts';

/**
 * Adds a stop to a mobile library. Without a key, one is made from the Finnish name, numbered if
 * the library has a stop by that key already.
 */
export async function createMobileStop(deps: Deps, actor: Actor, libraryId: number, input: unknown): Promise<MobileStop> {
	const value = parseOrThrow(mobileStopInputSchema, input, 'mobile stop');
	return deps.db.transaction().execute(async (trx) => {
		const library = await libraryToManage(trx, deps, actor, libraryId);
		const keys = new Set((await listMobileStops(trx, libraryId, { includeArchived: true })).map((stop) => stop.key));
		if (value.key && keys.has(value.key)) {
			throw fieldError('conflict', 'org_key_taken', `Library ${library.key} has a stop ${value.key} already.`, { key: 'key_taken' });
		}
		const key = value.key ?? uniqueKey(slugify(value.nameFi), (k) => keys.has(k));
		const stop = await insertMobileStop(trx, { libraryId, key, nameFi: value.nameFi, nameSv: value.nameSv });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'mobile_stop.create',
			targetType: 'mobile_stop',
			targetId: stop.id,
			details: { libraryId, key }
		});
		return stop;
	});
}
