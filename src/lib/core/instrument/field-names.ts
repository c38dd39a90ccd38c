import type { AnswerableItem } from './items.ts';

/**
 * How answers travel in an HTML form post (`application/x-www-form-urlencoded` or multipart), the
 * one scheme the renderer writes and `checkSubmission` reads. Every answer field starts with `q.`,
 * so other fields (the submission id, a CSRF token, the page) never collide with an item.
 *
 * | item kind                | field                                   | value                              |
 * |--------------------------|-----------------------------------------|------------------------------------|
 * | single choice            | `q.<itemId>` (radio or select)          | option code, or `other`            |
 * |                          | `q.<itemId>.other` (text)               | the "other, what?" text            |
 * | multiple choice          | `q.<itemId>` (checkboxes, repeated)     | option codes, `other`              |
 * |                          | `q.<itemId>.other` (text)               | the "other, what?" text            |
 * | rating, NPS, school grade, happy index | `q.<itemId>` (radio)      | the value, or `na`                 |
 * | matrix                   | `q.<itemId>.<rowId>` (radio per row)    | the value, or `na`                 |
 * | importance × performance | `q.<itemId>.importance`, `q.<itemId>.performance` | the value, or `na`       |
 * | LibQUAL                  | `q.<itemId>.minimum`, `.desired`, `.perceived` | 1–9                         |
 * |                          | `q.<itemId>.na` (checkbox)              | any non-empty value: N/A for all three |
 * | checklist                | `q.<itemId>` (radio)                    | `yes`, `no`, `na`                  |
 * | number, date, texts      | `q.<itemId>`                            | as typed (`3,5` and `3.5` both read as 3.5) |
 *
 * Typing in an "other, what?" field counts as choosing `other`. Blank values are no answer.
 */
export const fieldPrefix = 'q.';

/** `fieldName('service', 'friendliness')` → `q.service.friendliness`. */
export function fieldName(itemId: string, part?: string): string {
	return part === undefined || part === '' ? `${fieldPrefix}${itemId}` : `${fieldPrefix}${itemId}.${part}`;
}

/** The item and part a field belongs to, or undefined for fields that are not answers. */
export function parseFieldName(name: string): { itemId: string; part: string } | undefined {
	if (!name.startsWith(fieldPrefix)) return undefined;
	const rest = name.slice(fieldPrefix.length);
	const dot = rest.indexOf('.');
	const itemId = dot === -1 ? rest : rest.slice(0, dot);
	if (itemId === '') return undefined;
	return { itemId, part: dot === -1 ? '' : rest.slice(dot + 1) };
}

/**
 * The fields an item posts, in display order, each with the facet its value is stored under.
 * The renderer uses these names for inputs and for the ids that error messages link to.
 */
export function itemFields(item: AnswerableItem): { name: string; part: string }[] {
	const field = (part: string) => ({ name: fieldName(item.id, part), part });
	switch (item.kind) {
		case 'single_choice':
		case 'multiple_choice':
			return item.other ? [field(''), field('other')] : [field('')];
		case 'matrix':
			return item.rows.map((row) => field(row.id));
		case 'importance_performance':
			return [field('importance'), field('performance')];
		case 'libqual':
			return item.allowNa
				? [field('minimum'), field('desired'), field('perceived'), field('na')]
				: [field('minimum'), field('desired'), field('perceived')];
		default:
			return [field('')];
	}
}
