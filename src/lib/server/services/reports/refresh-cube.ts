import { AppError } from '#lib/core/errors.ts';
import { foldPending } from '#lib/server/db/answer-cube.ts';
import { findStudyByKey } from '#lib/server/db/studies.ts';
import type { Deps } from '../deps.ts';

/**
 * Folds responses stored since the last fold into the answer cube (ADR 0015), for one study (by
 * key) or every study (null); returns how many were folded. Reports fold before they read, so
 * this is never needed for correctness: it moves the work off the first report after a busy
 * spell (`aspa cube fold` from cron, or a timer in the server). Touches no data of record, so it
 * needs no permission and is not audited.
 */
export async function refreshCube(deps: Deps, studyKey: string | null): Promise<number> {
	if (studyKey === null) return foldPending(deps.db, null);
	const study = await findStudyByKey(deps.db, studyKey);
	if (!study) throw new AppError('not_found', 'study_not_found', `No study ${studyKey}.`);
	return foldPending(deps.db, study.id);
}
