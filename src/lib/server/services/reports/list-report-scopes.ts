import { can, type Actor } from '#lib/core/permissions.ts';
import type { Locale } from '#lib/core/org-types.ts';
import type { ReportScopeType } from '#lib/core/report/model.ts';
import { currentScopeDirectory } from '../account-directory.ts';
import { loadStudyAccess } from '../collection/study-access.ts';
import type { Deps } from '../deps.ts';
import { nameIn } from './report-units.ts';
import { studyReportUnits } from './study-report-units.ts';

export interface ReportScopeEntry {
	type: ReportScopeType;
	key: string;
	/** In the reader's language (Swedish where the unit has a Swedish name). */
	name: string;
}

/**
 * Which reports of a study the actor may open (the /reports list): the study's units on which the
 * actor has `report.view` — networks first, then municipalities, then libraries. Empty when none;
 * not_found for an unknown study.
 */
export async function listReportScopes(deps: Deps, actor: Actor, input: { studyKey: string; locale?: Locale }): Promise<ReportScopeEntry[]> {
	const now = deps.now();
	const [access, directory] = await Promise.all([loadStudyAccess(deps.db, input.studyKey, now), currentScopeDirectory(deps.db, now)]);
	return studyReportUnits(access, directory)
		.filter((unit) => can(actor, 'report.view', unit.resource))
		.map((unit) => ({ type: unit.type, key: unit.key, name: nameIn(unit, input.locale ?? 'fi') }));
}
