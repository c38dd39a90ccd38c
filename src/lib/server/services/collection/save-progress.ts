import { formatCode, normaliseCode } from '#lib/core/collection/codes.ts';
import { AppError } from '#lib/core/errors.ts';
import { answerableItems, type Instrument } from '#lib/core/instrument/instrument.ts';
import { itemFields } from '#lib/core/instrument/field-names.ts';
import { instrumentLanguages, type Language } from '#lib/core/instrument/localized-text.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { deleteExpiredPartials, findPartial, upsertPartial } from '#lib/server/db/partial-responses.ts';
import type { Deps } from '../deps.ts';
import { hashCode, randomCode } from './codes.ts';
import { describeRef, loadCollectorContext, type CollectorRef } from './collector-context.ts';

/** Saved progress is kept this long after the last save. */
export const resumeValidDays = 30;

export interface SaveProgressInput {
	collector: CollectorRef;
	values: RawFormData;
	language: string;
	/** The code of an earlier save of this form: the save is replaced and the code stays the same. */
	code?: string | null;
}

/**
 * Saves a partly answered form under a resume code (`K7QM-3WXT-9HCF`) for 30 days. Only the hash
 * of the code is stored, with the raw values of the instrument's own fields; nothing is checked
 * yet (the final submit checks everything). The code is shown to the respondent once.
 */
export async function saveProgress(deps: Deps, input: SaveProgressInput): Promise<{ code: string; expiresAt: Date }> {
	const now = deps.now();
	const context = await loadCollectorContext(deps.db, input.collector, now);
	if (!context.round || context.status !== 'open') {
		const code = context.status === 'not_yet_open' ? 'round_not_open' : 'round_closed';
		throw new AppError('conflict', code, `${describeRef(input.collector)}: the round is ${context.status}.`, { details: { status: context.status } });
	}
	let code: string;
	if (input.code) {
		const given = normaliseCode(input.code);
		const existing = given ? await findPartial(deps.db, hashCode('resume', given), now) : undefined;
		if (!given || !existing || existing.collectorId !== context.collector.id) throw resumeCodeInvalid();
		code = given;
	} else {
		code = randomCode();
	}
	const language: Language = (instrumentLanguages as readonly string[]).includes(input.language) ? (input.language as Language) : context.instrument.baseLanguage;
	const expiresAt = new Date(now.getTime() + resumeValidDays * 24 * 60 * 60 * 1000);
	// Housekeeping on the way: saves past their 30 days go as new ones are made.
	await deleteExpiredPartials(deps.db, now);
	await upsertPartial(deps.db, {
		id: hashCode('resume', code),
		collectorId: context.collector.id,
		roundId: context.round.id,
		language,
		formValues: answerFieldsOnly(context.instrument, input.values),
		expiresAt,
		now
	});
	return { code: formatCode(code), expiresAt };
}

export function resumeCodeInvalid(): AppError {
	return new AppError('not_found', 'resume_code_invalid', 'No saved answers under this code (it may have expired).');
}

const maxValueLength = 20000;
const maxValuesPerField = 100;

/** The posted values of the instrument's answer fields, bounded, and nothing else. */
function answerFieldsOnly(instrument: Instrument, values: RawFormData): Record<string, string | string[]> {
	const kept: Record<string, string | string[]> = {};
	for (const item of answerableItems(instrument)) {
		for (const { name } of itemFields(item)) {
			const value = Object.hasOwn(values, name) ? values[name] : undefined;
			if (typeof value === 'string') kept[name] = value.slice(0, maxValueLength);
			else if (Array.isArray(value)) {
				kept[name] = value
					.filter((entry): entry is string => typeof entry === 'string')
					.slice(0, maxValuesPerField)
					.map((entry) => entry.slice(0, maxValueLength));
			}
		}
	}
	return kept;
}
