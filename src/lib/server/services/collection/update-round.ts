import { roundChangesSchema } from '#lib/core/collection/inputs.ts';
import { AppError } from '#lib/core/errors.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findRound, repinRoundVersion, updateRound as updateRoundRow, type RoundRow } from '#lib/server/db/rounds.ts';
import type { Deps } from '../deps.ts';
import { publishedVersionOf } from './create-round.ts';
import { fieldError, parseOrThrow } from './parse-input.ts';
import { loadStudyAccess, requireManageStudy } from './study-access.ts';
import { inTransaction } from './transaction.ts';

/**
 * Renames a round, moves its dates or pins another published version. The version can change only
 * while the round has no responses (`round_has_responses`): every response of a round is read
 * against the version it was answered in.
 */
export async function updateRound(
	deps: Deps,
	actor: Actor,
	roundId: number,
	changes: { name?: LocalizedText; opensAt?: Date | string; closesAt?: Date | string; instrumentVersionId?: number }
): Promise<RoundRow> {
	const value = parseOrThrow(roundChangesSchema, changes, 'round');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const round = await findRound(trx, roundId);
		if (!round) throw new AppError('not_found', 'round_not_found', `No round ${roundId}.`);
		const access = await loadStudyAccess(trx, round.studyId, now);
		requireManageStudy(actor, access);
		const opensAt = value.opensAt ?? round.opensAt;
		const closesAt = value.closesAt ?? round.closesAt;
		if (closesAt.getTime() <= opensAt.getTime()) throw fieldError('invalid', 'round', { closesAt: 'closes_before_opens' });
		if (value.instrumentVersionId !== undefined && value.instrumentVersionId !== round.instrumentVersionId) {
			const versionId = await publishedVersionOf(trx, access.study.instrumentId, value.instrumentVersionId);
			if (!(await repinRoundVersion(trx, round.id, versionId))) {
				throw new AppError('conflict', 'round_has_responses', `Round ${round.id} has responses; its instrument version stays.`);
			}
		}
		const updated = await updateRoundRow(trx, round.id, { name: value.name, opensAt: value.opensAt, closesAt: value.closesAt });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'round.update',
			targetType: 'study_round',
			targetId: round.id,
			details: { studyId: round.studyId, fields: Object.keys(value).filter((field) => value[field as keyof typeof value] !== undefined) }
		});
		return updated;
	});
}
