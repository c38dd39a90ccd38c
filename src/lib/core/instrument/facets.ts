import { ipFacets, libqualFacets, naValue, otherCode, type Answer, type Answers, type ScaleAnswer } from './answers.ts';
import { answerableItems, type Instrument } from './instrument.ts';
import type { AnswerableItem } from './items.ts';

/**
 * One stored answer row: response × item × facet (DESIGN.md "What reports query"). `facet` is ''
 * for an item with one value, a matrix row id, `importance`/`performance`, `minimum`/`desired`/
 * `perceived`, or the option code of a multiple choice (one row per selected option, so a share
 * of respondents is a count of rows). N/A is `isNa` with no value: counted, left out of means.
 *
 * Values: `optionCode` for choices and checklist items (`yes`/`no`, with `numberValue` 1/0 so a
 * mean is the share of yes); `numberValue` for scales, NPS, grades, smileys and numbers;
 * `dateValue` (YYYY-MM-DD) for dates; `text` for open text and the "other, what?" text, which
 * storage keeps apart from the answer rows.
 */
export interface AnswerFacet {
	itemId: string;
	facet: string;
	optionCode?: string;
	numberValue?: number;
	isNa: boolean;
	text?: string;
	dateValue?: string;
}

/** Segment key → the respondent's code (several codes of a multiple choice joined by ','). */
export type SegmentValues = Record<string, string>;

/** Answers → answer rows, in document order. Answers to unknown items or of the wrong kind are skipped. */
export function flattenAnswers(instrument: Instrument, answers: Answers): AnswerFacet[] {
	return answerableItems(instrument).flatMap((item) => {
		const answer = answers[item.id];
		return answer && answer.kind === item.kind ? flattenAnswer(item, answer) : [];
	});
}

function flattenAnswer(item: AnswerableItem, answer: Answer): AnswerFacet[] {
	const itemId = item.id;
	const scale = (facet: string, value: ScaleAnswer): AnswerFacet =>
		value === naValue ? { itemId, facet, isNa: true } : { itemId, facet, numberValue: value, isNa: false };
	switch (answer.kind) {
		case 'single_choice':
			return [{ itemId, facet: '', optionCode: answer.code, isNa: false, ...textOf(answer.code, answer.otherText) }];
		case 'multiple_choice':
			return answer.codes.map((code) => ({ itemId, facet: code, optionCode: code, isNa: false, ...textOf(code, answer.otherText) }));
		case 'rating':
			return [scale('', answer.value)];
		case 'matrix': {
			const rows = item.kind === 'matrix' ? item.rows.map((row) => row.id) : Object.keys(answer.rows);
			return rows.flatMap((row) => (Object.hasOwn(answer.rows, row) ? [scale(row, answer.rows[row]!)] : []));
		}
		case 'importance_performance':
			return ipFacets.flatMap((facet) => (answer[facet] === undefined ? [] : [scale(facet, answer[facet])]));
		case 'libqual': {
			const levels = answer.value;
			return libqualFacets.map((facet) => scale(facet, levels === naValue ? naValue : levels[facet]));
		}
		case 'checklist':
			if (answer.value === naValue) return [{ itemId, facet: '', isNa: true }];
			return [{ itemId, facet: '', optionCode: answer.value, numberValue: answer.value === 'yes' ? 1 : 0, isNa: false }];
		case 'date':
			return [{ itemId, facet: '', dateValue: answer.value, isNa: false }];
		case 'short_text':
		case 'long_text':
			return [{ itemId, facet: '', text: answer.text, isNa: false }];
		default:
			return [{ itemId, facet: '', numberValue: answer.value, isNa: false }];
	}
}

function textOf(code: string, otherText: string | undefined): { text?: string } {
	return code === otherCode && otherText !== undefined ? { text: otherText } : {};
}

/**
 * Answer rows → answers, the inverse of `flattenAnswers` (to resume a partly saved response or
 * show a stored one). Rows of unknown items are ignored.
 */
export function unflattenFacets(instrument: Instrument, facets: readonly AnswerFacet[]): Answers {
	const answers: Answers = {};
	for (const item of answerableItems(instrument)) {
		const rows = facets.filter((facet) => facet.itemId === item.id);
		if (rows.length === 0) continue;
		const answer = unflattenItem(item, rows);
		if (answer) answers[item.id] = answer;
	}
	return answers;
}

function unflattenItem(item: AnswerableItem, rows: AnswerFacet[]): Answer | undefined {
	const first = rows[0]!;
	const scale = (row: AnswerFacet | undefined): ScaleAnswer | undefined =>
		row === undefined ? undefined : row.isNa ? naValue : row.numberValue;
	const other = rows.find((row) => row.optionCode === otherCode)?.text;
	switch (item.kind) {
		case 'single_choice':
			return first.optionCode === undefined
				? undefined
				: { kind: item.kind, code: first.optionCode, ...(other === undefined ? {} : { otherText: other }) };
		case 'multiple_choice': {
			const codes = rows.flatMap((row) => (row.optionCode === undefined ? [] : [row.optionCode]));
			return { kind: item.kind, codes, ...(other === undefined ? {} : { otherText: other }) };
		}
		case 'rating': {
			const value = scale(first);
			return value === undefined ? undefined : { kind: item.kind, value };
		}
		case 'matrix': {
			const answered: Record<string, ScaleAnswer> = {};
			for (const row of rows) {
				const value = scale(row);
				if (value !== undefined) answered[row.facet] = value;
			}
			return { kind: item.kind, rows: answered };
		}
		case 'importance_performance': {
			const importance = scale(rows.find((row) => row.facet === 'importance'));
			const performance = scale(rows.find((row) => row.facet === 'performance'));
			return {
				kind: item.kind,
				...(importance === undefined ? {} : { importance }),
				...(performance === undefined ? {} : { performance })
			};
		}
		case 'libqual': {
			if (rows.some((row) => row.isNa)) return { kind: item.kind, value: naValue };
			const [minimum, desired, perceived] = libqualFacets.map((facet) => rows.find((row) => row.facet === facet)?.numberValue ?? 0);
			return { kind: item.kind, value: { minimum: minimum!, desired: desired!, perceived: perceived! } };
		}
		case 'checklist':
			return { kind: item.kind, value: first.isNa ? naValue : first.optionCode === 'yes' ? 'yes' : 'no' };
		case 'date':
			return first.dateValue === undefined ? undefined : { kind: item.kind, value: first.dateValue };
		case 'short_text':
		case 'long_text':
			return first.text === undefined ? undefined : { kind: item.kind, text: first.text };
		default:
			return first.numberValue === undefined ? undefined : { kind: item.kind, value: first.numberValue };
	}
}

/** The segment values of a response, from the answers to items marked `segment`. */
export function segmentValues(instrument: Instrument, answers: Answers): SegmentValues {
	const segments: SegmentValues = {};
	for (const item of answerableItems(instrument)) {
		if ((item.kind !== 'single_choice' && item.kind !== 'multiple_choice') || !item.segment) continue;
		const answer = answers[item.id];
		if (answer?.kind === 'single_choice') segments[item.segment] = answer.code;
		if (answer?.kind === 'multiple_choice') segments[item.segment] = answer.codes.join(',');
	}
	return segments;
}
