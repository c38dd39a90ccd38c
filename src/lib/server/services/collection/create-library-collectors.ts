import { channels, collectorModes, type Channel, type CollectorMode } from '#lib/core/collection/collectors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { listCollectors, type CollectorRow } from '#lib/server/db/collectors.ts';
import type { Deps } from '../deps.ts';
import { addCollector } from './create-collector.ts';
import { fieldError } from './parse-input.ts';
import { loadStudyAccess, requireManageStudy } from './study-access.ts';
import { inTransaction } from './transaction.ts';

/**
 * One collector of the channel for every library of the study that has no live collector of that
 * channel yet (e.g. a QR poster per library). Returns the new ones; running it again adds only
 * what is missing.
 */
export async function createLibraryCollectors(
	deps: Deps,
	actor: Actor,
	input: { studyId: number; channel: Channel; mode?: CollectorMode }
): Promise<CollectorRow[]> {
	if (!channels.includes(input.channel)) throw fieldError('invalid', 'collector', { channel: 'invalid_choice' });
	if (input.mode !== undefined && !collectorModes.includes(input.mode)) throw fieldError('invalid', 'collector', { mode: 'invalid_choice' });
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const access = await loadStudyAccess(trx, input.studyId, now);
		requireManageStudy(actor, access);
		const existing = await listCollectors(trx, input.studyId);
		const created: CollectorRow[] = [];
		for (const library of access.libraries) {
			if (existing.some((collector) => collector.libraryId === library.id && collector.channel === input.channel)) continue;
			created.push(await addCollector(trx, actor, access, { libraryId: library.id, channel: input.channel, ...(input.mode ? { mode: input.mode } : {}) }, now));
		}
		return created;
	});
}
