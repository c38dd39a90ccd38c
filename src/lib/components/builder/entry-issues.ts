import { m } from '#lib/paraglide/messages.js';
import type { SubmissionIssue, SubmissionIssueCode } from '#lib/core/instrument/submission-issues.ts';

/** A refused answer on the paper-entry screen, in the reader's language. */
const texts: Record<SubmissionIssueCode, () => string> = {
	required: m.studies_entry_required,
	incomplete: m.studies_entry_incomplete,
	multiple_values: m.studies_entry_multiple_values,
	not_an_option: m.studies_entry_not_an_option,
	out_of_range: m.studies_entry_out_of_range,
	not_a_number: m.studies_problem_not_a_number,
	not_a_whole_number: m.studies_problem_not_a_whole_number,
	not_a_date: m.studies_entry_not_a_date,
	too_few_selections: m.studies_entry_too_few,
	too_many_selections: m.studies_entry_too_many,
	too_long: m.studies_entry_too_long
};

export function entryIssueText(issue: Pick<SubmissionIssue, 'code'>): string {
	return texts[issue.code]();
}
