import { libqualFacets, naValue, otherCode, type Answer, type ScaleAnswer } from './answers.ts';
import { fieldName } from './field-names.ts';
import { textLimits, type AnswerableItem, type ItemOf } from './items.ts';
import { choiceCodes, type OptionSources } from './options.ts';
import { isIsoDate, parseDecimal, parseWhole, readValues, textLength, type RawFormData } from './raw-form.ts';
import { fixedRanges } from './scale.ts';
import { submissionIssue, type SubmissionIssue } from './submission-issues.ts';

/**
 * One item's raw fields → its typed answer, or issues. No answer and no issues means the item was
 * left blank; whether that is allowed is the caller's concern (`check-submission.ts`), except for
 * compound items, where `required` asks for every row or facet.
 */
export interface ParseContext {
	raw: RawFormData;
	sources: OptionSources;
	required: boolean;
}
export interface Parsed {
	answer?: Answer;
	issues: SubmissionIssue[];
}

export function parseAnswer(item: AnswerableItem, context: ParseContext): Parsed {
	const reader = new FieldReader(item.id, context.raw);
	const answer = readAnswer(item, reader, context);
	return reader.issues.length > 0 ? { issues: reader.issues } : answer ? { answer, issues: [] } : { issues: [] };
}

function readAnswer(item: AnswerableItem, reader: FieldReader, context: ParseContext): Answer | undefined {
	switch (item.kind) {
		case 'single_choice':
			return readSingleChoice(item, reader, context.sources);
		case 'multiple_choice':
			return readMultipleChoice(item, reader, context.sources);
		case 'rating': {
			const value = reader.scale('', item.scale.min, item.scale.max, item.allowNa);
			return value === undefined ? undefined : { kind: 'rating', value };
		}
		case 'matrix': {
			const rows: Record<string, ScaleAnswer> = {};
			for (const row of item.rows) {
				const value = reader.scale(row.id, item.scale.min, item.scale.max, item.allowNa);
				if (value !== undefined) rows[row.id] = value;
			}
			const missing = item.rows.filter((row) => !Object.hasOwn(rows, row.id)).map((row) => row.id);
			if (context.required && missing.length > 0 && missing.length < item.rows.length)
				reader.incomplete(missing[0]!, `${missing.length} of ${item.rows.length} rows are unanswered`, missing.length);
			return missing.length === item.rows.length ? undefined : { kind: 'matrix', rows };
		}
		case 'importance_performance': {
			const importance = reader.scale('importance', item.importance.min, item.importance.max, item.allowNa);
			const performance = reader.scale('performance', item.performance.min, item.performance.max, item.allowNa);
			if (importance === undefined && performance === undefined) return undefined;
			if (context.required && (importance === undefined || performance === undefined))
				reader.incomplete(importance === undefined ? 'importance' : 'performance', 'both scales need an answer', 1);
			return {
				kind: 'importance_performance',
				...(importance === undefined ? {} : { importance }),
				...(performance === undefined ? {} : { performance })
			};
		}
		case 'libqual':
			return readLibqual(item, reader, context.raw);
		case 'nps':
		case 'school_grade':
		case 'happy_index': {
			const value = reader.scale('', fixedRanges[item.kind].min, fixedRanges[item.kind].max, false);
			return value === undefined || value === naValue ? undefined : { kind: item.kind, value };
		}
		case 'checklist': {
			const value = reader.one('');
			if (value === undefined) return undefined;
			if (value === 'yes' || value === 'no' || (value === naValue && item.allowNa)) return { kind: 'checklist', value };
			return reader.notAnOption('', value);
		}
		case 'number':
			return readNumber(item, reader);
		case 'date': {
			const value = reader.one('');
			if (value === undefined) return undefined;
			if (!isIsoDate(value)) return reader.fail('', 'not_a_date', `'${value}' is not a date (YYYY-MM-DD)`);
			if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max))
				return reader.outOfRange('', value, item.min, item.max);
			return { kind: 'date', value };
		}
		case 'short_text':
		case 'long_text': {
			const text = reader.text('', item.maxLength ?? textLimits[item.kind]);
			return text === undefined ? undefined : { kind: item.kind, text };
		}
	}
}

function readSingleChoice(item: ItemOf<'single_choice'>, reader: FieldReader, sources: OptionSources): Answer | undefined {
	const otherText = item.other ? reader.text('other', item.other.maxLength ?? textLimits.other) : undefined;
	const code = reader.one('') ?? (otherText === undefined ? undefined : otherCode);
	if (code === undefined) return undefined;
	if (!choiceCodes(item, sources).includes(code)) return reader.notAnOption('', code);
	if (code === otherCode && otherText !== undefined) return { kind: 'single_choice', code, otherText };
	return { kind: 'single_choice', code };
}

function readMultipleChoice(item: ItemOf<'multiple_choice'>, reader: FieldReader, sources: OptionSources): Answer | undefined {
	const otherText = item.other ? reader.text('other', item.other.maxLength ?? textLimits.other) : undefined;
	const posted = reader.all('');
	if (otherText !== undefined && !posted.includes(otherCode)) posted.push(otherCode);
	if (posted.length === 0) return undefined;
	const allowed = choiceCodes(item, sources);
	const unknown = posted.filter((code) => !allowed.includes(code));
	if (unknown.length > 0) return reader.notAnOption('', unknown.join(', '));
	const { minSelections: min, maxSelections: max } = item;
	if (min !== undefined && posted.length < min)
		return reader.fail('', 'too_few_selections', `${posted.length} selected, at least ${min} needed`, { min, count: posted.length });
	if (max !== undefined && posted.length > max)
		return reader.fail('', 'too_many_selections', `${posted.length} selected, at most ${max} allowed`, { max, count: posted.length });
	const codes = allowed.filter((code) => posted.includes(code));
	return otherText !== undefined ? { kind: 'multiple_choice', codes, otherText } : { kind: 'multiple_choice', codes };
}

function readLibqual(item: ItemOf<'libqual'>, reader: FieldReader, raw: RawFormData): Answer | undefined {
	if (item.allowNa && readValues(raw, fieldName(item.id, naValue)).length > 0) return { kind: 'libqual', value: naValue };
	const { min, max } = fixedRanges.libqual;
	const levels = libqualFacets.map((facet) => reader.scale(facet, min, max, false));
	const given = levels.filter((level) => level !== undefined).length;
	if (given === 0) return undefined;
	if (given < levels.length) {
		const missing = libqualFacets[levels.indexOf(undefined)]!;
		reader.incomplete(missing, 'give minimum, desired and perceived, or N/A', levels.length - given);
		return undefined;
	}
	const [minimum, desired, perceived] = levels as number[];
	return { kind: 'libqual', value: { minimum: minimum!, desired: desired!, perceived: perceived! } };
}

function readNumber(item: ItemOf<'number'>, reader: FieldReader): Answer | undefined {
	const text = reader.one('');
	if (text === undefined) return undefined;
	const value = parseDecimal(text);
	if (value === undefined) return reader.fail('', 'not_a_number', `'${text}' is not a number`);
	if (item.integer && !Number.isInteger(value)) return reader.fail('', 'not_a_whole_number', `'${text}' is not a whole number`);
	if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max))
		return reader.outOfRange('', value, item.min, item.max);
	return { kind: 'number', value };
}

/** Reads one item's fields and collects its issues. */
class FieldReader {
	readonly issues: SubmissionIssue[] = [];
	private readonly itemId: string;
	private readonly raw: RawFormData;

	constructor(itemId: string, raw: RawFormData) {
		this.itemId = itemId;
		this.raw = raw;
	}

	all(part: string): string[] {
		return readValues(this.raw, fieldName(this.itemId, part));
	}

	one(part: string): string | undefined {
		const values = this.all(part);
		if (values.length > 1) return this.fail(part, 'multiple_values', `${values.length} different values posted, one expected`);
		return values[0];
	}

	text(part: string, maxLength: number): string | undefined {
		const text = this.one(part);
		if (text !== undefined && textLength(text) > maxLength)
			return this.fail(part, 'too_long', `${textLength(text)} characters, at most ${maxLength}`, { max: maxLength });
		return text;
	}

	scale(part: string, min: number, max: number, allowNa: boolean | undefined): ScaleAnswer | undefined {
		const text = this.one(part);
		if (text === undefined) return undefined;
		if (text === naValue) return allowNa ? naValue : this.notAnOption(part, text);
		const value = parseWhole(text);
		if (value === undefined) return this.notAnOption(part, text);
		if (value < min || value > max) return this.outOfRange(part, text, min, max);
		return value;
	}

	incomplete(part: string, detail: string, missing: number): void {
		this.fail(part, 'incomplete', detail, { missing });
	}

	notAnOption(part: string, value: string): undefined {
		return this.fail(part, 'not_an_option', `'${value}' is not one of the options`);
	}

	outOfRange(part: string, value: string | number, min?: string | number, max?: string | number): undefined {
		const params = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
		return this.fail(part, 'out_of_range', `'${value}' is outside ${min ?? '…'}–${max ?? '…'}`, params);
	}

	fail(part: string, code: SubmissionIssue['code'], detail: string, params?: Record<string, string | number>): undefined {
		this.issues.push(submissionIssue(this.itemId, fieldName(this.itemId, part), code, detail, params));
		return undefined;
	}
}
