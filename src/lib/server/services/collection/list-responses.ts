import type { Actor } from '#lib/core/permissions.ts';
import { listResponses as listResponseRows, type ResponseListRow } from '#lib/server/db/responses.ts';
import type { Deps } from '../deps.ts';
import { librariesAllowed, loadStudyAccess, refuseIfConfidential, requireViewStudy } from './study-access.ts';
import { AppError } from '#lib/core/errors.ts';

/**
 * A page of a study's raw responses, newest first: only from libraries where the actor has
 * `response.view` (coordinators, admins), never in a confidential study.
 */
export async function listResponses(
	deps: Deps,
	actor: Actor,
	input: { studyId: number; roundId?: number; flaggedOnly?: boolean; limit?: number; before?: number }
): Promise<ResponseListRow[]> {
	const access = await loadStudyAccess(deps.db, input.studyId, deps.now());
	requireViewStudy(actor, access);
	refuseIfConfidential(access.study, 'the list of responses');
	const libraryIds = librariesAllowed(actor, 'response.view', access);
	if (libraryIds !== null && libraryIds.length === 0) {
		throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not read responses of study ${input.studyId}.`);
	}
	return listResponseRows(deps.db, {
		studyId: input.studyId,
		libraryIds,
		limit: Math.min(Math.max(input.limit ?? 50, 1), 200),
		...(input.roundId === undefined ? {} : { roundId: input.roundId }),
		...(input.flaggedOnly ? { flaggedOnly: true } : {}),
		...(input.before === undefined ? {} : { before: input.before })
	});
}
