import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { countTokens } from '#lib/server/db/response-tokens.ts';
import { findRound } from '#lib/server/db/rounds.ts';
import type { Deps } from '../deps.ts';
import { loadStudyAccess, requireViewStudy } from './study-access.ts';

export interface ResponseRate {
	issued: number;
	used: number;
	/** used / issued, 0–1; null when no tokens were issued. */
	rate: number | null;
	batches: { batch: number; issued: number; used: number }[];
}

/** The response rate of a closed-population round: tokens used of tokens issued. */
export async function responseRate(deps: Deps, actor: Actor, input: { studyId: number; roundId: number }): Promise<ResponseRate> {
	const access = await loadStudyAccess(deps.db, input.studyId, deps.now());
	requireViewStudy(actor, access);
	const round = await findRound(deps.db, input.roundId);
	if (!round || round.studyId !== input.studyId) throw new AppError('not_found', 'round_not_found', `No round ${input.roundId} in study ${input.studyId}.`);
	const batches = (await countTokens(deps.db, input.studyId))
		.filter((row) => row.roundId === round.id)
		.map(({ batch, issued, used }) => ({ batch, issued, used }));
	const issued = batches.reduce((sum, row) => sum + row.issued, 0);
	const used = batches.reduce((sum, row) => sum + row.used, 0);
	return { issued, used, rate: issued === 0 ? null : used / issued, batches };
}
