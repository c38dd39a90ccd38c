import type { Answers } from './answers.ts';
import { flattenAnswers, segmentValues, type AnswerFacet, type SegmentValues } from './facets.ts';
import { itemFields } from './field-names.ts';
import type { Instrument } from './instrument.ts';
import { isAnswerable } from './items.ts';
import type { Language } from './localized-text.ts';
import type { OptionSources } from './options.ts';
import { parseAnswer } from './parse-answer.ts';
import type { RawFormData } from './raw-form.ts';
import { submissionIssue, type SubmissionIssue } from './submission-issues.ts';
import { evaluateCondition, isItemShown } from './visibility.ts';

export interface CheckOptions {
	/** The language the respondent answered in; returned for the response row. */
	locale: Language;
	/** Options filled at run time (`optionsFrom`), e.g. the study's libraries. */
	optionSources?: OptionSources;
	/** Partial save: check what was given, but do not require anything yet. */
	partial?: boolean;
	/**
	 * Check only these sections (one page of a paged form). Items of other sections are still read
	 * (later show-if conditions may depend on them) but report no issues.
	 */
	sections?: readonly string[];
}

export type SubmissionResult =
	| { ok: true; language: Language; answers: Answers; facets: AnswerFacet[]; segments: SegmentValues }
	/** `answers` holds what could be read, e.g. to keep show-if state when the form is shown again. */
	| { ok: false; language: Language; answers: Answers; issues: SubmissionIssue[] };

/**
 * One respondent's raw form data (see field-names.ts) → typed answers, answer rows and segment
 * values, or the issues per item in document order. Walks the instrument in order: an item hidden
 * by show-if (its own or its section's) is neither read nor required, and whatever was posted for
 * it is dropped; fields that name no item are ignored. Never throws on any raw input.
 */
export function checkSubmission(instrument: Instrument, raw: RawFormData, options: CheckOptions): SubmissionResult {
	const sources = options.optionSources ?? {};
	const answers: Answers = {};
	const issues: SubmissionIssue[] = [];
	for (const section of instrument.sections) {
		if (section.showIf && !evaluateCondition(section.showIf, answers)) continue;
		const checked = options.sections === undefined || options.sections.includes(section.id);
		for (const item of section.items) {
			if (!isAnswerable(item) || !isItemShown(item, answers)) continue;
			const required = checked && !options.partial && item.required === true;
			const parsed = parseAnswer(item, { raw, sources, required });
			if (parsed.answer) answers[item.id] = parsed.answer;
			if (!checked) continue;
			issues.push(...parsed.issues);
			if (required && !parsed.answer && parsed.issues.length === 0) {
				const field = itemFields(item)[0]!.name;
				issues.push(submissionIssue(item.id, field, 'required', 'an answer is required'));
			}
		}
	}
	if (issues.length > 0) return { ok: false, language: options.locale, answers, issues };
	return {
		ok: true,
		language: options.locale,
		answers,
		facets: flattenAnswers(instrument, answers),
		segments: segmentValues(instrument, answers)
	};
}
