/**
 * Problems `validateInstrument` (and `upgradeInstrument`) report about a definition. `code` picks
 * a localised message later; `message` is English and names the item and the problem; `path`
 * points into the JSON (`sections[0].items[2].scale`).
 */
export type InstrumentIssueCode =
	| 'not_an_object'
	| 'unknown_schema_version'
	| 'invalid_shape'
	| 'duplicate_section_id'
	| 'duplicate_item_id'
	| 'duplicate_row_id'
	| 'duplicate_option_code'
	| 'reserved_option_code'
	| 'duplicate_segment'
	| 'missing_options'
	| 'options_with_source'
	| 'scale_points'
	| 'scale_labels'
	| 'min_above_max'
	| 'selection_limits'
	| 'missing_base_text'
	| 'base_language_not_offered'
	| 'duplicate_language'
	| 'show_if_unknown_item'
	| 'show_if_later_item'
	| 'show_if_not_answerable'
	| 'show_if_unknown_facet'
	| 'show_if_unknown_value'
	| 'text_limit'
	// Refusals of the builder's editing operations (builder/*.ts).
	| 'item_not_found'
	| 'section_not_found'
	| 'not_a_text'
	| 'still_referenced'
	| 'last_section'
	| 'kind_changed';

export interface InstrumentIssue {
	code: InstrumentIssueCode;
	path: string;
	/** The item the problem is in, when it is in one. */
	itemId?: string;
	message: string;
}

/** `sections[0].items[2]` + `scale.max` → `sections[0].items[2].scale.max`. */
export function joinPath(...parts: (string | number)[]): string {
	let path = '';
	for (const part of parts) {
		if (part === '') continue;
		if (typeof part === 'number') path += `[${part}]`;
		else path += path === '' || part.startsWith('[') ? part : `.${part}`;
	}
	return path;
}

export function issue(code: InstrumentIssueCode, path: string, message: string, itemId?: string): InstrumentIssue {
	return itemId === undefined
		? { code, path, message }
		: { code, path, itemId, message: `Item '${itemId}' (${path}): ${message}` };
}
