import { libqualFacets, naValue, type Answers } from '#lib/core/instrument/answers.ts';
import { fieldName, fieldPrefix, itemFields } from '#lib/core/instrument/field-names.ts';
import { answersToFormData } from '#lib/core/instrument/form-values.ts';
import { answerableItems, type Instrument } from '#lib/core/instrument/instrument.ts';
import type { AnswerableItem, ItemKind } from '#lib/core/instrument/items.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';

/**
 * The columns of a raw response export and how answers map onto them (ADR 0020). An answer column
 * is named like the form field that posts it, without the `q.` prefix: `service`, `staff.friendly`
 * (a matrix row), `pair.importance`, `lq.minimum`, `channels` and `channels.other`. So the header of
 * an export is also the header an import reads, and the mapping reuses the form's own scheme
 * (`answersToFormData` one way, `checkSubmission` the other).
 *
 * - N/A is `na`; an unanswered item is an empty cell.
 * - A multiple choice is one cell of codes separated by spaces (`web chat other`), as ODK and
 *   KoboToolbox export select-multiple; codes never contain spaces. An import also accepts `,`
 *   and `;` between codes.
 * - A LibQUAL statement answered N/A has `na` in all three of its columns.
 *
 * Columns that are not answers start with `_`, which no item id can (ids start with a letter), so
 * an item called `language` never collides with the response's language.
 */
export const metaColumns = ['_response_id', '_round', '_library', '_channel', '_language', '_submitted_at'] as const;
export type MetaColumn = (typeof metaColumns)[number];
/** Segment values copied onto the response (`_segment.age_band`): exported for convenience, ignored on import. */
export const segmentColumnPrefix = '_segment.';

export interface AnswerColumn {
	name: string;
	itemId: string;
	part: string;
	kind: ItemKind;
}

export type RawCell = string | number | null;

const numericKinds: ReadonlySet<ItemKind> = new Set(['rating', 'matrix', 'importance_performance', 'libqual', 'nps', 'school_grade', 'happy_index', 'number']);

/** The answer columns of one item, in the order the form shows its fields. */
export function itemColumns(item: AnswerableItem): AnswerColumn[] {
	return itemFields(item)
		.filter((field) => !(item.kind === 'libqual' && field.part === naValue))
		.map((field) => ({ name: field.name.slice(fieldPrefix.length), itemId: item.id, part: field.part, kind: item.kind }));
}

/**
 * The answer columns of the versions a study's rounds pin: the newest version's columns in its
 * order, then any column only an older version has (versions keep item ids, so most coincide).
 */
export function answerColumns(instrumentsNewestFirst: readonly Instrument[]): AnswerColumn[] {
	const columns = new Map<string, AnswerColumn>();
	for (const instrument of instrumentsNewestFirst) {
		for (const item of answerableItems(instrument)) {
			for (const column of itemColumns(item)) if (!columns.has(column.name)) columns.set(column.name, column);
		}
	}
	return [...columns.values()];
}

/** One response's answers as cells by column name; numbers of scales and number items as numbers. */
export function answerCells(instrument: Instrument, answers: Answers): Map<string, RawCell> {
	const cells = new Map<string, RawCell>();
	const kinds = new Map(answerableItems(instrument).map((item) => [item.id, item.kind]));
	for (const [field, value] of Object.entries(answersToFormData(instrument, answers))) {
		const name = field.slice(fieldPrefix.length);
		const dot = name.indexOf('.');
		const itemId = dot === -1 ? name : name.slice(0, dot);
		const kind = kinds.get(itemId);
		if (kind === 'libqual' && name === `${itemId}.${naValue}`) {
			for (const facet of libqualFacets) cells.set(`${itemId}.${facet}`, naValue);
			continue;
		}
		if (Array.isArray(value)) cells.set(name, value.join(' '));
		else if (typeof value === 'string') cells.set(name, kind && numericKinds.has(kind) && value !== naValue ? Number(value) : value);
	}
	return cells;
}

/**
 * An imported row's answer cells (column name → text as read) → the raw form data
 * `checkSubmission` reads. Blank cells are left out (no answer).
 */
export function cellsToFormData(instrument: Instrument, cells: ReadonlyMap<string, string>): RawFormData {
	const data: Record<string, string | string[]> = {};
	for (const item of answerableItems(instrument)) {
		const columns = itemColumns(item);
		const given = columns.map((column) => ({ column, value: (cells.get(column.name) ?? '').trim() })).filter((entry) => entry.value !== '');
		if (item.kind === 'libqual' && item.allowNa && given.length > 0 && given.every((entry) => entry.value === naValue)) {
			data[fieldName(item.id, naValue)] = naValue;
			continue;
		}
		for (const { column, value } of given) {
			data[fieldName(item.id, column.part)] =
				item.kind === 'multiple_choice' && column.part === '' ? value.split(/[\s,;]+/).filter((code) => code !== '') : value;
		}
	}
	return data;
}
