import { roundInputSchema } from '#lib/core/collection/inputs.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findLatestPublishedVersionId, findVersion } from '#lib/server/db/instruments.ts';
import { findRoundByKey, insertRound, type RoundRow } from '#lib/server/db/rounds.ts';
import type { Deps } from '../deps.ts';
import { fieldError, parseOrThrow } from './parse-input.ts';
import { loadStudyAccess, requireManageStudy } from './study-access.ts';
import { inTransaction } from './transaction.ts';

export interface RoundInput {
	studyId: number;
	key: string;
	name: LocalizedText;
	/** A Date or an ISO date-time with offset; open from (inclusive) … to (exclusive). */
	opensAt: Date | string;
	closesAt: Date | string;
	/** A published version of the study's instrument; default: the latest published one. */
	instrumentVersionId?: number;
}

/** Adds a round (wave) to a study, pinning one published version of the study's instrument. */
export async function createRound(deps: Deps, actor: Actor, input: RoundInput): Promise<RoundRow> {
	const value = parseOrThrow(roundInputSchema, input, 'round');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const access = await loadStudyAccess(trx, value.studyId, now);
		requireManageStudy(actor, access);
		const versionId = await publishedVersionOf(trx, access.study.instrumentId, value.instrumentVersionId);
		if (await findRoundByKey(trx, value.studyId, value.key)) throw fieldError('conflict', 'round', { key: 'key_taken' });
		const round = await insertRound(trx, {
			studyId: value.studyId,
			key: value.key,
			name: value.name,
			instrumentVersionId: versionId,
			opensAt: value.opensAt,
			closesAt: value.closesAt,
			now
		});
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'round.create',
			targetType: 'study_round',
			targetId: round.id,
			details: { studyId: round.studyId, key: round.key, instrumentVersionId: versionId, opensAt: round.opensAt, closesAt: round.closesAt }
		});
		return round;
	});
}

/** The requested version when it is a published version of the instrument, else the latest published one. */
export async function publishedVersionOf(db: Db, instrumentId: number, requested: number | undefined): Promise<number> {
	if (requested !== undefined) {
		const version = await findVersion(db, requested);
		if (!version || version.instrumentId !== instrumentId || version.status !== 'published') {
			throw fieldError('invalid', 'round', { instrumentVersionId: 'not_published' });
		}
		return version.id;
	}
	const latest = await findLatestPublishedVersionId(db, instrumentId);
	if (latest === undefined) throw fieldError('invalid', 'round', { instrumentVersionId: 'not_published' });
	return latest;
}
