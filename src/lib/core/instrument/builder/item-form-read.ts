import type { ChoiceOption, Item, MatrixRow } from '../items.ts';
import type { LocalizedText } from '../localized-text.ts';
import { parseDecimal, parseWhole, isIsoDate } from '../raw-form.ts';
import type { Scale } from '../scale.ts';
import { slugPattern } from '../vocabulary.ts';
import { firstFree } from './fresh-id.ts';
import { checked, indexesOf, many, one, readText, rowIsBlank, type FormRecord } from './form-record.ts';
import { keepShowIf } from './item-form-write.ts';
import { simpleShowIf } from './show-if-simple.ts';

/**
 * The item editor's values → the edited item (the inverse of `itemToForm`). Starts from the item
 * as it was, so what the form does not show (provenance, notes, row tags) is kept, and ids and
 * option codes never change: new rows and options get fresh ones, never one used before.
 * Values that are not numbers or dates are problems on their field; everything else is left to
 * `replaceItem`, whose validation names the item.
 */
export type FormProblemCode = 'not_a_number' | 'not_a_whole_number' | 'not_a_date' | 'not_a_slug' | 'choose_show_if_values';
export interface FormProblem {
	field: string;
	code: FormProblemCode;
}

export interface ItemFormContext {
	/** Ids that new matrix rows must not take: every item and row id of this and earlier versions. */
	takenIds: ReadonlySet<string>;
}

export type ItemFormResult = { ok: true; item: Item } | { ok: false; problems: FormProblem[] };

export function itemFromForm(existing: Item, record: FormRecord, context: ItemFormContext): ItemFormResult {
	const problems: FormProblem[] = [];
	const item = structuredClone(existing) as Record<string, unknown> & Item;
	const set = (key: string, value: unknown) => {
		if (value === undefined || value === false) delete item[key];
		else item[key] = value;
	};
	const whole = (field: string) => number(record, field, problems, true);
	const decimal = (field: string) => number(record, field, problems, false);

	set('text', readText(record, 'text') ?? {});
	set('showIf', readShowIf(existing, record, problems));
	if (item.kind === 'info') {
		set('list', readList(record, 'list'));
		return problems.length ? { ok: false, problems } : { ok: true, item };
	}
	set('help', readText(record, 'help'));
	set('required', checked(record, 'required'));
	set('tags', readTags(record, problems));
	if ('allowNa' in existing || supportsNa(item.kind)) {
		set('allowNa', checked(record, 'allowNa'));
		set('naLabel', readText(record, 'naLabel'));
	}
	switch (item.kind) {
		case 'single_choice':
		case 'multiple_choice': {
			const optionsFrom = one(record, 'optionsFrom') === 'libraries' ? 'libraries' : undefined;
			set('optionsFrom', optionsFrom);
			set('options', optionsFrom ? undefined : readOptions('options' in existing ? (existing.options ?? []) : [], record));
			set('other', checked(record, 'otherEnabled') ? { ...item.other, label: readText(record, 'other.label') ?? {} } : undefined);
			const segment = one(record, 'segment');
			if (segment !== '' && !slugPattern.test(segment)) problems.push({ field: 'segment', code: 'not_a_slug' });
			set('segment', segment || undefined);
			if (item.kind === 'single_choice') set('display', one(record, 'display') === 'dropdown' ? 'dropdown' : undefined);
			else {
				set('minSelections', whole('minSelections'));
				set('maxSelections', whole('maxSelections'));
			}
			break;
		}
		case 'rating':
			set('scale', readScale(record, 'scale', problems));
			break;
		case 'matrix':
			set('scale', readScale(record, 'scale', problems));
			set('rows', readRows(item.id, item.rows, record, context));
			break;
		case 'importance_performance':
			set('importance', readScale(record, 'importance', problems));
			set('performance', readScale(record, 'performance', problems));
			set('importanceLabel', readText(record, 'importanceLabel'));
			set('performanceLabel', readText(record, 'performanceLabel'));
			break;
		case 'libqual':
		case 'nps':
			set('lowLabel', readText(record, 'lowLabel'));
			set('highLabel', readText(record, 'highLabel'));
			break;
		case 'happy_index': {
			const labels = [0, 1, 2, 3].map((index) => readText(record, `labels[${index}]`));
			set('labels', labels.some((label) => label !== undefined) ? labels.map((label) => label ?? {}) : undefined);
			break;
		}
		case 'checklist':
			set('weight', decimal('weight'));
			set('critical', checked(record, 'critical'));
			break;
		case 'number':
			set('min', decimal('min'));
			set('max', decimal('max'));
			set('integer', checked(record, 'integer'));
			set('unit', readText(record, 'unit'));
			break;
		case 'date':
			for (const key of ['min', 'max']) {
				const value = one(record, key);
				if (value !== '' && !isIsoDate(value)) problems.push({ field: key, code: 'not_a_date' });
				set(key, value || undefined);
			}
			break;
		case 'short_text':
		case 'long_text':
			set('maxLength', whole('maxLength'));
			break;
	}
	return problems.length ? { ok: false, problems } : { ok: true, item };
}

function supportsNa(kind: Item['kind']): boolean {
	return ['rating', 'matrix', 'importance_performance', 'libqual', 'checklist'].includes(kind);
}

function number(record: FormRecord, field: string, problems: FormProblem[], wholeOnly: boolean): number | undefined {
	const text = one(record, field);
	if (text === '') return undefined;
	const value = wholeOnly ? parseWhole(text) : parseDecimal(text);
	if (value === undefined) problems.push({ field, code: wholeOnly ? 'not_a_whole_number' : 'not_a_number' });
	return value;
}

function readTags(record: FormRecord, problems: FormProblem[]): string[] | undefined {
	const others = one(record, 'tagsOther')
		.split(/[,\s]+/)
		.filter((tag) => tag !== '');
	if (others.some((tag) => !slugPattern.test(tag))) problems.push({ field: 'tagsOther', code: 'not_a_slug' });
	const tags = [...new Set([...many(record, 'tags'), ...others])];
	return tags.length ? tags : undefined;
}

function readShowIf(existing: Item, record: FormRecord, problems: FormProblem[]) {
	const ref = one(record, 'showIfRef');
	if (ref === '') return undefined;
	if (ref === keepShowIf) return existing.showIf;
	const values = many(record, 'showIfValues').map((value) => (/^-?\d+$/.test(value) ? Number(value) : value));
	if (values.length === 0) {
		problems.push({ field: 'showIfValues', code: 'choose_show_if_values' });
		return existing.showIf;
	}
	return simpleShowIf({ ref, values });
}

function readScale(record: FormRecord, prefix: string, problems: FormProblem[]): Scale {
	const min = number(record, `${prefix}.min`, problems, true) ?? 1;
	const max = number(record, `${prefix}.max`, problems, true) ?? 5;
	const scale: Scale = { min, max };
	if (one(record, `${prefix}.labelMode`) === 'points') {
		const count = Math.max(0, Math.min(max - min + 1, 11));
		scale.pointLabels = Array.from({ length: count }, (_, index) => readText(record, `${prefix}.pointLabels[${index}]`) ?? {});
	} else {
		const low = readText(record, `${prefix}.lowLabel`);
		const high = readText(record, `${prefix}.highLabel`);
		if (low) scale.lowLabel = low;
		if (high) scale.highLabel = high;
	}
	return scale;
}

function readOptions(existing: readonly ChoiceOption[], record: FormRecord): ChoiceOption[] {
	const taken = new Set(existing.map((option) => option.code));
	const options: ChoiceOption[] = [];
	for (const index of indexesOf(record, 'options')) {
		const prefix = `options[${index}]`;
		if (checked(record, `${prefix}.remove`) || rowIsBlank(record, prefix)) continue;
		let code = one(record, `${prefix}.code`).toLowerCase();
		if (code === '') {
			code = firstFree('option', taken);
			taken.add(code);
		}
		const before = existing.find((option) => option.code === code);
		options.push({ ...before, code, label: readText(record, `${prefix}.label`) ?? {} });
	}
	return options;
}

function readRows(itemId: string, existing: readonly MatrixRow[], record: FormRecord, context: ItemFormContext): MatrixRow[] {
	const taken = new Set([...context.takenIds, ...existing.map((row) => row.id)]);
	const rows: MatrixRow[] = [];
	for (const index of indexesOf(record, 'rows')) {
		const prefix = `rows[${index}]`;
		if (checked(record, `${prefix}.remove`) || rowIsBlank(record, prefix)) continue;
		let id = one(record, `${prefix}.id`);
		if (id === '') {
			id = firstFree(`${itemId}-row`, taken);
			taken.add(id);
		}
		const before = existing.find((row) => row.id === id);
		rows.push({ ...before, id, text: readText(record, `${prefix}.text`) ?? {} });
	}
	return rows;
}

function readList(record: FormRecord, prefix: string): LocalizedText[] | undefined {
	const list = indexesOf(record, prefix)
		.filter((index) => !checked(record, `${prefix}[${index}].remove`))
		.map((index) => readText(record, `${prefix}[${index}]`))
		.filter((text): text is LocalizedText => text !== undefined);
	return list.length ? list : undefined;
}
