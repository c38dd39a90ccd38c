import { readKioskSettings, respondentPath, type KioskSettings } from '#lib/core/collection/collectors.ts';
import { roundStatus, type RoundStatus } from '#lib/core/collection/rounds.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { listCollectors, type CollectorWithLibrary } from '#lib/server/db/collectors.ts';
import { findInstrument, listVersionSummaries, type InstrumentRow, type VersionSummary } from '#lib/server/db/instruments.ts';
import { countTokens } from '#lib/server/db/response-tokens.ts';
import { listRounds, type RoundRow } from '#lib/server/db/rounds.ts';
import type { StudyLibrary, StudyRow, StudyScopeUnit } from '#lib/server/db/studies.ts';
import type { Deps } from '../deps.ts';
import { canManageStudy, librariesAllowed, loadStudyAccess, requireViewStudy } from './study-access.ts';

export interface StudyDetail {
	study: StudyRow;
	instrument: InstrumentRow;
	/** Versions of the instrument, newest first (to pin a round). */
	versions: VersionSummary[];
	scope: StudyScopeUnit[];
	libraries: StudyLibrary[];
	rounds: (RoundRow & { status: RoundStatus; version: number | null })[];
	collectors: (CollectorWithLibrary & { path: string; kiosk: KioskSettings })[];
	permissions: { manage: boolean; viewResponses: boolean; deleteResponses: boolean; enterResponses: boolean };
	/** Token counts per round (studies with `usesTokens`). */
	tokens: { roundId: number; issued: number; used: number; batches: number }[];
}

/** A study page: everything about the study except its responses. */
export async function viewStudy(deps: Deps, actor: Actor, ref: number | string): Promise<StudyDetail> {
	const now = deps.now();
	const access = await loadStudyAccess(deps.db, ref, now);
	requireViewStudy(actor, access);
	const { study } = access;
	const [instrument, versions, rounds, collectors, tokenCounts] = await Promise.all([
		findInstrument(deps.db, study.instrumentId),
		listVersionSummaries(deps.db, [study.instrumentId]),
		listRounds(deps.db, study.id),
		listCollectors(deps.db, study.id),
		study.usesTokens ? countTokens(deps.db, study.id) : Promise.resolve([])
	]);
	const some = (action: 'response.view' | 'response.delete' | 'response.enter') => {
		const allowed = librariesAllowed(actor, action, access);
		return allowed === null || allowed.length > 0;
	};
	return {
		study,
		instrument: instrument!,
		versions,
		scope: access.scope,
		libraries: access.libraries,
		rounds: rounds.map((round) => ({
			...round,
			status: roundStatus(round, now),
			version: versions.find((version) => version.id === round.instrumentVersionId)?.version ?? null
		})),
		collectors: collectors.map((collector) => ({ ...collector, path: respondentPath(collector.mode, collector.slug), kiosk: readKioskSettings(collector.settings) })),
		permissions: {
			manage: canManageStudy(actor, access),
			viewResponses: !study.confidential && some('response.view'),
			deleteResponses: !study.confidential && some('response.delete'),
			enterResponses: some('response.enter') || access.scopeResources.some((resource) => can(actor, 'response.enter', resource))
		},
		tokens: rounds.map((round) => {
			const rows = tokenCounts.filter((row) => row.roundId === round.id);
			return {
				roundId: round.id,
				issued: rows.reduce((sum, row) => sum + row.issued, 0),
				used: rows.reduce((sum, row) => sum + row.used, 0),
				batches: rows.length
			};
		})
	};
}
