import type { Instrument } from '#lib/core/instrument/instrument.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findVersion } from '#lib/server/db/instruments.ts';

/**
 * Published instrument versions, read once per process. A published version never changes
 * (nothing updates a published row), so its parsed definition can be kept; validating a 30-item
 * survey costs 0.15–0.4 ms, which every submission would otherwise pay. The cache is per database
 * handle (tests open several databases in one process, with the same version ids).
 */
const cache = new WeakMap<Db, Map<number, Instrument>>();
const maxEntries = 500;

export async function publishedInstrument(db: Db, versionId: number): Promise<Instrument> {
	const perDb = cache.get(db) ?? new Map<number, Instrument>();
	const cached = perDb.get(versionId);
	if (cached) return cached;
	const version = await findVersion(db, versionId);
	if (!version || version.status !== 'published') {
		throw new Error(`Instrument version ${versionId} is pinned by a round but is not a published version.`);
	}
	const result = validateInstrument(version.definition);
	if (!result.ok) {
		// Published definitions were validated on publishing; failing now means a bad upgrader or a hand edit.
		throw new Error(`Published instrument version ${versionId} no longer validates: ${result.issues[0]?.message ?? ''}`);
	}
	if (perDb.size >= maxEntries) perDb.clear();
	perDb.set(versionId, result.instrument);
	cache.set(db, perDb);
	return result.instrument;
}
