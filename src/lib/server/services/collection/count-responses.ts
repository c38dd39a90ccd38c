import type { Actor } from '#lib/core/permissions.ts';
import { countResponses as countResponseRows } from '#lib/server/db/responses.ts';
import type { Channel } from '#lib/server/db/schema.ts';
import type { Deps } from '../deps.ts';
import { loadStudyAccess, requireViewStudy } from './study-access.ts';

export interface ResponseCountRow {
	roundId: number;
	libraryId: number | null;
	libraryKey: string | null;
	libraryNameFi: string | null;
	channel: Channel;
	count: number;
	/** Of which flagged for review (bursts). */
	flagged: number;
}

/**
 * Responses per round × library × channel as they arrive, for everyone who may see the study
 * (counts are not raw responses, so confidential studies show them too). One grouped count.
 */
export async function countResponses(deps: Deps, actor: Actor, studyId: number): Promise<{ rows: ResponseCountRow[]; total: number }> {
	const access = await loadStudyAccess(deps.db, studyId, deps.now());
	requireViewStudy(actor, access);
	const counts = await countResponseRows(deps.db, studyId);
	const rows = counts.map((row) => {
		const library = access.libraries.find((entry) => entry.id === row.libraryId);
		return { ...row, libraryKey: library?.key ?? null, libraryNameFi: library?.nameFi ?? null };
	});
	return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
}
