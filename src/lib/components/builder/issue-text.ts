import { m } from '#lib/paraglide/messages.js';
import type { InstrumentIssue, InstrumentIssueCode } from '#lib/core/instrument/instrument-issues.ts';

/**
 * A validation issue in the reader's language, naming the item: "Kysymys `service`: asteikossa on
 * oltava 3–11 kohtaa". Codes without their own sentence fall back to the model's English message.
 */
const problems: Partial<Record<InstrumentIssueCode, () => string>> = {
	invalid_shape: m.studies_issue_invalid_shape,
	duplicate_section_id: m.studies_issue_duplicate_id,
	duplicate_item_id: m.studies_issue_duplicate_id,
	duplicate_row_id: m.studies_issue_duplicate_id,
	duplicate_option_code: m.studies_issue_duplicate_option_code,
	reserved_option_code: m.studies_issue_reserved_option_code,
	duplicate_segment: m.studies_issue_duplicate_segment,
	missing_options: m.studies_issue_missing_options,
	options_with_source: m.studies_issue_options_with_source,
	scale_points: m.studies_issue_scale_points,
	scale_labels: m.studies_issue_scale_labels,
	min_above_max: m.studies_issue_min_above_max,
	selection_limits: m.studies_issue_selection_limits,
	missing_base_text: m.studies_issue_missing_base_text,
	base_language_not_offered: m.studies_issue_base_language_not_offered,
	show_if_unknown_item: m.studies_issue_show_if,
	show_if_later_item: m.studies_issue_show_if_later_item,
	show_if_not_answerable: m.studies_issue_show_if,
	show_if_unknown_facet: m.studies_issue_show_if,
	show_if_unknown_value: m.studies_issue_show_if_unknown_value,
	text_limit: m.studies_issue_text_limit,
	item_not_found: m.studies_issue_item_not_found,
	section_not_found: m.studies_issue_item_not_found,
	still_referenced: m.studies_issue_still_referenced,
	last_section: m.studies_issue_last_section,
	kind_changed: m.studies_issue_kind_changed
};

export function issueText(issue: Pick<InstrumentIssue, 'code' | 'message' | 'itemId'> & { path?: string }): string {
	const problem = problems[issue.code]?.() ?? issue.message;
	return issue.itemId ? m.studies_issue_in_item({ item: issue.itemId, problem }) : problem;
}
