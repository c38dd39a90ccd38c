import { instrumentInputSchema, type InstrumentKind } from '#lib/core/collection/inputs.ts';
import { AppError } from '#lib/core/errors.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import { instrumentTemplates } from '#lib/core/instrument/templates/catalogue.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findInstrumentByKey, insertDraftVersion, insertInstrument, type InstrumentRow, type VersionRow } from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { requireAnywhere } from '../org-access.ts';
import { fieldError, parseOrThrow } from './parse-input.ts';
import { inTransaction } from './transaction.ts';

/** What kind of instrument each template makes unless told otherwise. */
const templateKinds: Record<string, InstrumentKind> = {
	'customer-service-survey': 'survey',
	'staff-survey-2018': 'staff_survey',
	'training-day-feedback': 'feedback',
	'customer-promise-pulse': 'pulse'
};

/**
 * Creates an instrument with a first draft version: a copy of a template (`templateKey`, see
 * core/instrument/templates/catalogue.ts) or a blank form with one empty section. Instruments are
 * shared by the installation; building them needs `study.manage` somewhere.
 */
export async function createInstrument(
	deps: Deps,
	actor: Actor,
	input: { key: string; name: LocalizedText; kind?: InstrumentKind; templateKey?: string | null; isDemo?: boolean }
): Promise<{ instrument: InstrumentRow; draft: VersionRow }> {
	requireAnywhere(actor, 'study.manage');
	const { isDemo, ...fields } = input;
	const value = parseOrThrow(instrumentInputSchema, fields, 'instrument');
	const template = value.templateKey ? instrumentTemplates.find((entry) => entry.key === value.templateKey) : undefined;
	if (value.templateKey && !template) throw fieldError('invalid', 'instrument', { templateKey: 'invalid_choice' });
	const definition: Instrument = template ? template.build() : blankInstrument(value.name);
	const kind = value.kind ?? (template ? templateKinds[template.key] : undefined) ?? 'survey';
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		if (await findInstrumentByKey(trx, value.key)) throw fieldError('conflict', 'instrument', { key: 'key_taken' });
		const instrument = await insertInstrument(trx, {
			key: value.key,
			name: value.name,
			kind,
			templateKey: template?.key ?? null,
			isDemo: isDemo ?? false,
			createdBy: actor.id,
			now
		});
		const draft = await insertDraftVersion(trx, { instrumentId: instrument.id, definition, createdBy: actor.id, now });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'instrument.create',
			targetType: 'instrument',
			targetId: instrument.id,
			details: { key: instrument.key, kind, templateKey: instrument.templateKey, versionId: draft.id }
		});
		return { instrument, draft };
	});
}

/** A blank form: one section titled like the instrument, no items yet (a draft; publishing needs items). */
export function blankInstrument(name: LocalizedText): Instrument {
	return {
		schemaVersion: 1,
		baseLanguage: 'fi',
		languages: ['fi', 'sv', 'en'],
		title: name,
		sections: [{ id: 'section-1', title: name, items: [] }]
	};
}

export function instrumentNotFound(ref: number | string): AppError {
	return new AppError('not_found', 'instrument_not_found', `No instrument ${ref}.`);
}
