import { localize } from '#lib/core/instrument/localized-text.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { can, canAnywhere, type Actor } from '#lib/core/permissions.ts';
import { listRounds } from '#lib/server/db/rounds.ts';
import { listStudies } from '#lib/server/db/studies.ts';
import { currentScopeDirectory } from '../account-directory.ts';
import { loadStudyAccess } from '../collection/study-access.ts';
import type { Deps } from '../deps.ts';
import { studyReportUnits } from './study-report-units.ts';

export interface ReportableStudy {
	id: number;
	key: string;
	/** In the reader's language. */
	name: string;
	confidential: boolean;
	/** Rounds that have opened, earliest first. */
	rounds: { key: string; name: string }[];
	/** How many units' reports the actor may open. */
	units: number;
}

/**
 * The studies (not archived) with at least one report the actor may open and at least one round
 * that has opened, newest first. Empty for an actor without `report.view` anywhere.
 */
export async function listReportableStudies(deps: Deps, actor: Actor, locale: Locale = 'fi'): Promise<ReportableStudy[]> {
	if (!canAnywhere(actor, 'report.view')) return [];
	const now = deps.now();
	const [studies, directory] = await Promise.all([listStudies(deps.db), currentScopeDirectory(deps.db, now)]);
	const result: ReportableStudy[] = [];
	for (const study of studies) {
		const access = await loadStudyAccess(deps.db, study.id, now);
		const units = studyReportUnits(access, directory).filter((unit) => can(actor, 'report.view', unit.resource));
		if (units.length === 0) continue;
		const rounds = (await listRounds(deps.db, study.id)).filter((round) => round.opensAt <= now);
		if (rounds.length === 0) continue;
		result.push({
			id: study.id,
			key: study.key,
			name: localize(study.name, locale, 'fi'),
			confidential: study.confidential,
			rounds: rounds.map((round) => ({ key: round.key, name: localize(round.name, locale, 'fi') })),
			units: units.length
		});
	}
	return result;
}
