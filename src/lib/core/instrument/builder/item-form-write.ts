import type { Item } from '../items.ts';
import type { Scale } from '../scale.ts';
import { qualityDimensions } from '../vocabulary.ts';
import { writeText, type FormRecord } from './form-record.ts';
import { readSimpleShowIf } from './show-if-simple.ts';

/**
 * An item as the values of the item editor (the inverse of `itemFromForm`): field names are JSON
 * paths inside the item, plus `tags`/`tagsOther`, `otherEnabled` and the simple show-if fields.
 */
export const keepShowIf = '__keep';

export function itemToForm(item: Item): FormRecord {
	const record: FormRecord = {};
	writeText(record, 'text', item.text);
	writeShowIf(record, item);
	if (item.kind === 'info') {
		item.list?.forEach((entry, index) => writeText(record, `list[${index}]`, entry));
		return record;
	}
	writeText(record, 'help', item.help);
	if (item.required) record.required = 'on';
	const known = (item.tags ?? []).filter((tag) => Object.hasOwn(qualityDimensions, tag));
	const others = (item.tags ?? []).filter((tag) => !Object.hasOwn(qualityDimensions, tag));
	if (known.length) record.tags = known;
	if (others.length) record.tagsOther = others.join(', ');
	if ('allowNa' in item && item.allowNa) record.allowNa = 'on';
	if ('naLabel' in item) writeText(record, 'naLabel', item.naLabel);
	switch (item.kind) {
		case 'single_choice':
		case 'multiple_choice':
			item.options?.forEach((option, index) => {
				record[`options[${index}].code`] = option.code;
				writeText(record, `options[${index}].label`, option.label);
			});
			if (item.other) {
				record.otherEnabled = 'on';
				writeText(record, 'other.label', item.other.label);
			}
			if (item.segment) record.segment = item.segment;
			if (item.optionsFrom) record.optionsFrom = item.optionsFrom;
			if (item.kind === 'single_choice' && item.display) record.display = item.display;
			if (item.kind === 'multiple_choice') {
				if (item.minSelections !== undefined) record.minSelections = String(item.minSelections);
				if (item.maxSelections !== undefined) record.maxSelections = String(item.maxSelections);
			}
			break;
		case 'rating':
			writeScale(record, 'scale', item.scale);
			break;
		case 'matrix':
			writeScale(record, 'scale', item.scale);
			item.rows.forEach((row, index) => {
				record[`rows[${index}].id`] = row.id;
				writeText(record, `rows[${index}].text`, row.text);
			});
			break;
		case 'importance_performance':
			writeScale(record, 'importance', item.importance);
			writeScale(record, 'performance', item.performance);
			writeText(record, 'importanceLabel', item.importanceLabel);
			writeText(record, 'performanceLabel', item.performanceLabel);
			break;
		case 'libqual':
		case 'nps':
			writeText(record, 'lowLabel', item.lowLabel);
			writeText(record, 'highLabel', item.highLabel);
			break;
		case 'happy_index':
			item.labels?.forEach((label, index) => writeText(record, `labels[${index}]`, label));
			break;
		case 'checklist':
			if (item.weight !== undefined) record.weight = String(item.weight);
			if (item.critical) record.critical = 'on';
			break;
		case 'number':
			if (item.min !== undefined) record.min = String(item.min);
			if (item.max !== undefined) record.max = String(item.max);
			if (item.integer) record.integer = 'on';
			writeText(record, 'unit', item.unit);
			break;
		case 'date':
			if (item.min !== undefined) record.min = item.min;
			if (item.max !== undefined) record.max = item.max;
			break;
		case 'short_text':
		case 'long_text':
			if (item.maxLength !== undefined) record.maxLength = String(item.maxLength);
			break;
	}
	return record;
}

function writeShowIf(record: FormRecord, item: Item): void {
	if (!item.showIf) return;
	const simple = readSimpleShowIf(item.showIf);
	if (!simple) {
		record.showIfRef = keepShowIf;
		return;
	}
	record.showIfRef = simple.ref;
	record.showIfValues = simple.values.map(String);
}

function writeScale(record: FormRecord, prefix: string, scale: Scale): void {
	record[`${prefix}.min`] = String(scale.min);
	record[`${prefix}.max`] = String(scale.max);
	record[`${prefix}.labelMode`] = scale.pointLabels ? 'points' : 'ends';
	if (scale.pointLabels) scale.pointLabels.forEach((label, index) => writeText(record, `${prefix}.pointLabels[${index}]`, label));
	writeText(record, `${prefix}.lowLabel`, scale.lowLabel);
	writeText(record, `${prefix}.highLabel`, scale.highLabel);
}
