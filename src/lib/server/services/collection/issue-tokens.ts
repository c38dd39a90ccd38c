import { formatCode } from '#lib/core/collection/codes.ts';
import { tokenCountSchema } from '#lib/core/collection/inputs.ts';
import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { insertTokens, nextTokenBatch } from '#lib/server/db/response-tokens.ts';
import { findRound } from '#lib/server/db/rounds.ts';
import type { Deps } from '../deps.ts';
import { hashCode, randomCode } from './codes.ts';
import { fieldError } from './parse-input.ts';
import { loadStudyAccess, requireManageStudy } from './study-access.ts';
import { inTransaction } from './transaction.ts';

/**
 * Issues a batch of one-time tokens for a round of a closed-population study. The plaintext
 * tokens are returned this once (for slips or a mail-merge CSV) and never stored: the database
 * keeps only their hashes, with the batch number, and nothing that says who got which (ADR 0012).
 */
export async function issueTokens(
	deps: Deps,
	actor: Actor,
	input: { studyId: number; roundId: number; count: number | string }
): Promise<{ batch: number; tokens: string[] }> {
	const count = tokenCountSchema.safeParse(input.count);
	if (!count.success) throw fieldError('invalid', 'tokens', { count: 'out_of_range' });
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const access = await loadStudyAccess(trx, input.studyId, now);
		requireManageStudy(actor, access);
		if (!access.study.usesTokens) throw new AppError('invalid', 'study_without_tokens', `Study ${input.studyId} does not use tokens.`);
		const round = await findRound(trx, input.roundId);
		if (!round || round.studyId !== input.studyId) throw new AppError('not_found', 'round_not_found', `No round ${input.roundId} in study ${input.studyId}.`);
		const batch = await nextTokenBatch(trx, input.studyId);
		const codes = new Set<string>();
		while (codes.size < count.data) codes.add(randomCode());
		await insertTokens(
			trx,
			[...codes].map((code) => ({ hash: hashCode('token', code), studyId: input.studyId, roundId: round.id, batch })),
			now
		);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'tokens.issue',
			targetType: 'study_round',
			targetId: round.id,
			details: { studyId: input.studyId, batch, count: count.data }
		});
		return { batch, tokens: [...codes].map(formatCode) };
	});
}
