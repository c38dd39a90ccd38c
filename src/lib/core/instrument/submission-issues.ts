/**
 * Problems with one respondent's answers, per item. `field` is the form field to link to and mark
 * `aria-invalid`; `code` picks the localised message; `params` fill it (limits, counts);
 * `message` is English for logs and tests.
 */
export type SubmissionIssueCode =
	| 'required'
	| 'incomplete'
	| 'multiple_values'
	| 'not_an_option'
	| 'out_of_range'
	| 'not_a_number'
	| 'not_a_whole_number'
	| 'not_a_date'
	| 'too_few_selections'
	| 'too_many_selections'
	| 'too_long';

export interface SubmissionIssue {
	itemId: string;
	field: string;
	code: SubmissionIssueCode;
	params?: Record<string, string | number>;
	message: string;
}

export function submissionIssue(
	itemId: string,
	field: string,
	code: SubmissionIssueCode,
	detail: string,
	params?: Record<string, string | number>
): SubmissionIssue {
	const message = `Item '${itemId}' (${field}): ${detail}`;
	return params ? { itemId, field, code, params, message } : { itemId, field, code, message };
}
