import { studyInputSchema } from '#lib/core/collection/inputs.ts';
import { localDate } from '#lib/core/local-date.ts';
import { can, isAdmin, type Actor } from '#lib/core/permissions.ts';
import { AppError } from '#lib/core/errors.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findInstrument } from '#lib/server/db/instruments.ts';
import { findStudyByKey, insertStudy, replaceStudyScope, unitExists, type ScopeUnitType, type StudyRow } from '#lib/server/db/studies.ts';
import type { Deps } from '../deps.ts';
import { fieldError, parseOrThrow } from './parse-input.ts';
import { unitResources } from './study-access.ts';
import { inTransaction } from './transaction.ts';

export interface StudyInput {
	key: string;
	name: LocalizedText;
	instrumentId: number;
	scope: { type: ScopeUnitType; id: number }[];
	confidential?: boolean;
	usesTokens?: boolean;
	onePerDevice?: boolean;
	isDemo?: boolean;
}

/**
 * Creates a study of an instrument over a scope (networks, municipalities, libraries). The actor
 * needs `study.manage` on every scope unit. Rounds and collectors are added afterwards.
 */
export async function createStudy(deps: Deps, actor: Actor, input: StudyInput): Promise<StudyRow> {
	const { isDemo, ...fields } = input;
	const value = parseOrThrow(studyInputSchema, fields, 'study');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const scope = dedupe(value.scope);
		await requireManageUnits(trx, actor, scope, localDate(now));
		if (!(await findInstrument(trx, value.instrumentId))) throw fieldError('invalid', 'study', { instrumentId: 'invalid_choice' });
		if (await findStudyByKey(trx, value.key)) throw fieldError('conflict', 'study', { key: 'key_taken' });
		const study = await insertStudy(trx, {
			key: value.key,
			name: value.name,
			instrumentId: value.instrumentId,
			confidential: value.confidential ?? false,
			usesTokens: value.usesTokens ?? false,
			onePerDevice: value.onePerDevice ?? false,
			isDemo: isDemo ?? false,
			createdBy: actor.id,
			now
		});
		await replaceStudyScope(trx, study.id, scope);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'study.create',
			targetType: 'study',
			targetId: study.id,
			details: { key: study.key, instrumentId: study.instrumentId, scope, confidential: study.confidential, usesTokens: study.usesTokens }
		});
		return study;
	});
}

export function dedupe<T extends { type: string; id: number }>(units: readonly T[]): T[] {
	return units.filter((unit, index) => units.findIndex((other) => other.type === unit.type && other.id === unit.id) === index);
}

/** Every unit must exist (`unknown_unit`) and be within the actor's `study.manage`. */
export async function requireManageUnits(db: Db, actor: Actor, units: readonly { type: ScopeUnitType; id: number }[], date: string): Promise<void> {
	for (const unit of units) {
		if (!(await unitExists(db, unit.type, unit.id))) throw fieldError('invalid', 'study', { scope: 'unknown_unit' });
	}
	if (isAdmin(actor)) return;
	const resources = await unitResources(db, units, date);
	if (!resources.every((resource) => can(actor, 'study.manage', resource))) {
		throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not run a study over these units.`);
	}
}
