import { parseFieldName } from '#lib/core/instrument/field-names.ts';
import { findItem, type Instrument } from '#lib/core/instrument/instrument.ts';
import { localize, type BaseLanguage, type Language } from '#lib/core/instrument/localized-text.ts';
import type { SubmissionIssue } from '#lib/core/instrument/submission-issues.ts';
import { m } from '#lib/paraglide/messages.js';
import type { FieldErrors } from './form-state.ts';

export interface SummaryEntry {
	field: string;
	text: string;
}

/** The sentence a respondent reads for one problem with an answer, by issue code. */
export function issueMessage(issue: SubmissionIssue, lang: Language): string {
	const o = { locale: lang };
	const params = issue.params ?? {};
	const shown = (value: string | number | undefined) => (value === undefined ? '' : formatLimit(value, lang));
	switch (issue.code) {
		case 'required':
			return m.respond_issue_required({}, o);
		case 'incomplete':
			return m.respond_issue_incomplete({}, o);
		case 'multiple_values':
			return m.respond_issue_multiple_values({}, o);
		case 'not_an_option':
			return m.respond_issue_not_an_option({}, o);
		case 'out_of_range':
			if (params.min !== undefined && params.max !== undefined)
				return m.respond_issue_out_of_range({ min: shown(params.min), max: shown(params.max) }, o);
			if (params.min !== undefined) return m.respond_issue_below_min({ min: shown(params.min) }, o);
			return m.respond_issue_above_max({ max: shown(params.max) }, o);
		case 'not_a_number':
			return m.respond_issue_not_a_number({}, o);
		case 'not_a_whole_number':
			return m.respond_issue_not_a_whole_number({}, o);
		case 'not_a_date':
			return m.respond_issue_not_a_date({}, o);
		case 'too_few_selections':
			return m.respond_issue_too_few_selections({ min: shown(params.min) }, o);
		case 'too_many_selections':
			return m.respond_issue_too_many_selections({ max: shown(params.max) }, o);
		case 'too_long':
			return m.respond_issue_too_long({ max: shown(params.max) }, o);
	}
}

/** Limits as people read them: dates in the local form (31.5.2026), numbers with a decimal comma. */
function formatLimit(value: string | number, lang: Language): string {
	const locale = lang === 'en' ? 'en-GB' : `${lang}-FI`;
	if (typeof value === 'number') return new Intl.NumberFormat(locale, { useGrouping: false }).format(value);
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
	return value;
}

/**
 * Issues → a message per field (beside the field) and the error summary's entries in document
 * order, each naming the question (and the matrix row) so the list reads on its own.
 */
export function errorsFromIssues(
	issues: readonly SubmissionIssue[],
	instrument: Instrument,
	lang: Language,
	base: BaseLanguage
): { errors: FieldErrors; summary: SummaryEntry[] } {
	const errors: FieldErrors = {};
	const summary: SummaryEntry[] = [];
	for (const issue of issues) {
		if (errors[issue.field]) continue;
		const message = issueMessage(issue, lang);
		errors[issue.field] = message;
		summary.push({ field: issue.field, text: summaryText(questionOf(instrument, issue.field, lang, base), message) });
	}
	return { errors, summary };
}

/** "Staff are friendly: Enter …", "How often …? Enter …": the question, then the problem. */
export function summaryText(question: string, message: string): string {
	const trimmed = question.trim();
	if (/[?!]$/.test(trimmed)) return `${trimmed} ${message}`;
	return `${trimmed.replace(/[.:]$/, '')}: ${message}`;
}

function questionOf(instrument: Instrument, field: string, lang: Language, base: BaseLanguage): string {
	const parsed = parseFieldName(field);
	const item = parsed && findItem(instrument, parsed.itemId);
	if (!item || !parsed) return field;
	const question = localize(item.text, lang, base);
	const row = item.kind === 'matrix' ? item.rows.find((candidate) => candidate.id === parsed.part) : undefined;
	return row ? `${question} – ${localize(row.text, lang, base)}` : question;
}
