import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { updateStudy, type StudyRow } from '#lib/server/db/studies.ts';
import type { Deps } from '../deps.ts';
import { loadStudyAccess, requireManageStudy } from './study-access.ts';
import { inTransaction } from './transaction.ts';

/**
 * Archives a study: its respondent pages answer "not found" from now on; responses, rounds and
 * reports stay. Archiving twice changes nothing.
 */
export async function archiveStudy(deps: Deps, actor: Actor, studyId: number): Promise<StudyRow> {
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const access = await loadStudyAccess(trx, studyId, now);
		requireManageStudy(actor, access);
		if (access.study.archivedAt !== null) return access.study;
		const study = await updateStudy(trx, studyId, { archivedAt: now }, now);
		await insertAuditEvent(trx, { actorUserId: actor.id, action: 'study.archive', targetType: 'study', targetId: studyId, details: { key: study.key } });
		return study;
	});
}
