import { studyChangesSchema } from '#lib/core/collection/inputs.ts';
import { AppError } from '#lib/core/errors.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import { localDate } from '#lib/core/local-date.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { studyHasResponses } from '#lib/server/db/responses.ts';
import { replaceStudyScope, updateStudy as updateStudyRow, type ScopeUnitType, type StudyRow } from '#lib/server/db/studies.ts';
import type { Deps } from '../deps.ts';
import { dedupe, requireManageUnits } from './create-study.ts';
import { parseOrThrow } from './parse-input.ts';
import { loadStudyAccess, requireManageStudy } from './study-access.ts';
import { inTransaction } from './transaction.ts';

export interface StudyChanges {
	name?: LocalizedText;
	scope?: { type: ScopeUnitType; id: number }[];
	confidential?: boolean;
	usesTokens?: boolean;
	onePerDevice?: boolean;
}

/**
 * Changes a study's name, scope or flags. A study can be made confidential at any time, but once
 * it has responses it can never be made non-confidential again (`confidential_locked`): people
 * answered on the promise that only aggregates would be shown. A new scope must lie within the
 * actor's `study.manage` as well.
 */
export async function updateStudy(deps: Deps, actor: Actor, studyId: number, changes: StudyChanges): Promise<StudyRow> {
	const value = parseOrThrow(studyChangesSchema, changes, 'study');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const access = await loadStudyAccess(trx, studyId, now);
		requireManageStudy(actor, access);
		const { study } = access;
		if (study.confidential && value.confidential === false && (await studyHasResponses(trx, study.id))) {
			throw new AppError('conflict', 'confidential_locked', `Study ${study.id} has responses; it stays confidential.`);
		}
		const scope = value.scope && dedupe(value.scope);
		if (scope) {
			await requireManageUnits(trx, actor, scope, localDate(now));
			await replaceStudyScope(trx, study.id, scope);
		}
		const updated = await updateStudyRow(
			trx,
			study.id,
			{ name: value.name, confidential: value.confidential, usesTokens: value.usesTokens, onePerDevice: value.onePerDevice },
			now
		);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'study.update',
			targetType: 'study',
			targetId: study.id,
			details: { fields: Object.keys(value).filter((field) => value[field as keyof typeof value] !== undefined), ...(scope ? { scope } : {}) }
		});
		return updated;
	});
}
