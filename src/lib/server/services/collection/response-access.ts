import { AppError } from '#lib/core/errors.ts';
import { localDate } from '#lib/core/local-date.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findResponse, type ResponseRow } from '#lib/server/db/responses.ts';
import { findStudy, type StudyRow } from '#lib/server/db/studies.ts';
import { collectorResources, refuseIfConfidential } from './study-access.ts';

/**
 * Loads one response for `response.view` or `response.delete`: the actor needs the action on the
 * response's library (or on the study's scope when it has none), and the study must not be
 * confidential. Not a use case; shared by view and delete.
 */
export async function loadResponseFor(
	db: Db,
	actor: Actor,
	action: 'response.view' | 'response.delete',
	responseId: number,
	now: Date
): Promise<{ response: ResponseRow; study: StudyRow }> {
	const response = await findResponse(db, responseId);
	const study = response && (await findStudy(db, response.studyId));
	if (!response || !study) throw new AppError('not_found', 'response_not_found', `No response ${responseId}.`);
	const resources = await collectorResources(db, response.libraryId, study.id, localDate(now));
	if (!resources.some((resource) => can(actor, action, resource))) {
		throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not ${action} response ${responseId}.`);
	}
	refuseIfConfidential(study, `response ${responseId}`);
	return { response, study };
}
