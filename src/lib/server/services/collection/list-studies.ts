import { roundStatus, type RoundStatus } from '#lib/core/collection/rounds.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { listInstruments } from '#lib/server/db/instruments.ts';
import { countResponses } from '#lib/server/db/responses.ts';
import { listRounds, type RoundRow } from '#lib/server/db/rounds.ts';
import { listStudies as listStudyRows, type StudyRow } from '#lib/server/db/studies.ts';
import type { LocalizedJson } from '#lib/server/db/schema.ts';
import type { Deps } from '../deps.ts';
import { canManageStudy, canViewStudy, loadStudyAccess } from './study-access.ts';

export interface StudySummary extends StudyRow {
	instrumentName: LocalizedJson;
	rounds: (RoundRow & { status: RoundStatus })[];
	responses: number;
	canManage: boolean;
}

/** The studies the actor may see (`study.view` on any of its units), newest first. */
export async function listStudies(deps: Deps, actor: Actor, options: { includeArchived?: boolean } = {}): Promise<StudySummary[]> {
	const now = deps.now();
	const [studies, instruments] = await Promise.all([listStudyRows(deps.db, options), listInstruments(deps.db, { includeArchived: true })]);
	const summaries: StudySummary[] = [];
	for (const study of studies) {
		const access = await loadStudyAccess(deps.db, study.id, now);
		if (!canViewStudy(actor, access)) continue;
		const [rounds, counts] = await Promise.all([listRounds(deps.db, study.id), countResponses(deps.db, study.id)]);
		summaries.push({
			...study,
			instrumentName: instruments.find((instrument) => instrument.id === study.instrumentId)?.name ?? {},
			rounds: rounds.map((round) => ({ ...round, status: roundStatus(round, now) })),
			responses: counts.reduce((sum, row) => sum + row.count, 0),
			canManage: canManageStudy(actor, access)
		});
	}
	return summaries;
}
