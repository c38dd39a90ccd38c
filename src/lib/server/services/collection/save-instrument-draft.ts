import { AppError } from '#lib/core/errors.ts';
import type { InstrumentIssue } from '#lib/core/instrument/instrument-issues.ts';
import { missingTranslations, type MissingTranslation } from '#lib/core/instrument/texts.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findDraftVersion, findInstrument, insertDraftVersion, updateDraftDefinition, updateInstrument, type VersionSummary } from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { requireAnywhere } from '../org-access.ts';
import { instrumentNotFound } from './create-instrument.ts';
import { inTransaction } from './transaction.ts';

/** Largest definition accepted from the builder (a 100-item survey in three languages is ~150 KiB). */
export const maxDefinitionBytes = 512 * 1024;

export interface SavedDraft {
	version: VersionSummary;
	/** Problems `validateInstrument` found; the draft is saved anyway, publishing needs none. */
	issues: InstrumentIssue[];
	/** Texts without a translation in an offered language (warnings; empty while issues remain). */
	missingTranslations: MissingTranslation[];
}

/**
 * Saves the builder's definition as the instrument's draft. Drafts may be unfinished: the
 * definition is stored even with issues (returned as data), so a coordinator can add an item now
 * and word it later. When only published versions exist, the save makes a new draft version with
 * the next number; published versions are never changed. A valid definition is stored upgraded to
 * the current schema.
 */
export async function saveInstrumentDraft(deps: Deps, actor: Actor, input: { instrumentId: number; definition: unknown }): Promise<SavedDraft> {
	requireAnywhere(actor, 'study.manage');
	const definition = input.definition;
	if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
		throw new AppError('invalid', 'definition_not_object', `Instrument ${input.instrumentId}: a definition must be a JSON object.`);
	}
	if (Buffer.byteLength(JSON.stringify(definition)) > maxDefinitionBytes) {
		throw new AppError('invalid', 'definition_too_large', `Instrument ${input.instrumentId}: the definition is over ${maxDefinitionBytes} bytes.`);
	}
	const result = validateInstrument(definition);
	const stored = result.ok ? result.instrument : definition;
	const now = deps.now();
	const version = await inTransaction(deps.db, async (trx) => {
		const instrument = await findInstrument(trx, input.instrumentId);
		if (!instrument) throw instrumentNotFound(input.instrumentId);
		const draft = await findDraftVersion(trx, instrument.id);
		const saved = draft
			? await updateDraftDefinition(trx, draft.id, stored, now)
			: await insertDraftVersion(trx, { instrumentId: instrument.id, definition: stored, createdBy: actor.id, now });
		if (!saved) throw new AppError('conflict', 'no_draft', `Instrument ${instrument.id}: the draft was published meanwhile.`);
		await updateInstrument(trx, instrument.id, { now });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'instrument.save_draft',
			targetType: 'instrument',
			targetId: instrument.id,
			details: { versionId: saved.id, version: saved.version, issues: result.ok ? 0 : result.issues.length }
		});
		return saved;
	});
	const { definition: _definition, ...summary } = version;
	return {
		version: summary,
		issues: result.ok ? [] : result.issues,
		missingTranslations: result.ok ? missingTranslations(result.instrument) : []
	};
}
