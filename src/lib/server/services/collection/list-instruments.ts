import type { Actor } from '#lib/core/permissions.ts';
import { listInstruments as listInstrumentRows, listVersionSummaries, type InstrumentRow, type VersionSummary } from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { requireAnywhere } from '../org-access.ts';

export interface InstrumentSummary extends InstrumentRow {
	latestPublished: VersionSummary | null;
	draft: VersionSummary | null;
}

/** Every instrument of the installation with its latest published version and its draft, by key. */
export async function listInstruments(deps: Deps, actor: Actor, options: { includeArchived?: boolean } = {}): Promise<InstrumentSummary[]> {
	requireAnywhere(actor, 'study.view');
	const instruments = await listInstrumentRows(deps.db, options);
	const versions = await listVersionSummaries(
		deps.db,
		instruments.map((instrument) => instrument.id)
	);
	return instruments.map((instrument) => {
		const own = versions.filter((version) => version.instrumentId === instrument.id);
		return {
			...instrument,
			latestPublished: own.find((version) => version.status === 'published') ?? null,
			draft: own.find((version) => version.status === 'draft') ?? null
		};
	});
}
