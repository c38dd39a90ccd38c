import { AppError } from '#lib/core/errors.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { rebuildCube } from '#lib/server/db/answer-cube.ts';
import type { Deps } from '../deps.ts';
import { CLI_OPERATOR } from '../import-libraries.ts';
import { loadStudyAccess } from '../collection/study-access.ts';

export interface RebuildCubeResult {
	studyId: number;
	/** Responses now in the cube, and the cube rows they make. */
	responses: number;
	rows: number;
}

/**
 * Recomputes a study's answer cube from its stored responses (ADR 0015): after a bulk load that
 * bypassed `storeResponse`, or to check that the incremental cube is right (the result is the
 * same). Reports keep reading the old cube until the rebuild commits. The command line may always;
 * an account needs `report.manage` on every scope unit of the study. Nothing of record changes,
 * so nothing is audited.
 */
export async function rebuildStudyCube(deps: Deps, actor: Actor | typeof CLI_OPERATOR, studyKey: string): Promise<RebuildCubeResult> {
	const access = await loadStudyAccess(deps.db, studyKey, deps.now());
	if (actor !== CLI_OPERATOR && !(access.scopeResources.length > 0 && access.scopeResources.every((resource) => can(actor, 'report.manage', resource)))) {
		throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not report.manage on study ${access.study.id}.`);
	}
	const { responses, rows } = await rebuildCube(deps.db, access.study.id);
	return { studyId: access.study.id, responses, rows };
}
