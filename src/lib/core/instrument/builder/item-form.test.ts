import { describe, expect, it } from 'vitest';
import { placedItems } from '../instrument.ts';
import { instrumentTemplates } from '../templates/catalogue.ts';
import { newInstrument, newItem } from '../test-builders.ts';
import { itemFromForm } from './item-form-read.ts';
import { itemToForm } from './item-form-write.ts';
import { issueFieldName } from './issue-fields.ts';
import { replaceItem } from './structure-ops.ts';
import type { Item } from '../items.ts';

const context = { takenIds: new Set<string>() };

function roundTrip(item: Item): Item {
	const result = itemFromForm(item, itemToForm(item), context);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.item;
}

describe('item editor form', () => {
	const templateItems = instrumentTemplates.flatMap((template) => placedItems(template.build()).map(({ item }) => [`${template.key}: ${item.id}`, item] as const));

	it.each(templateItems)('gives every template item back unchanged (%s)', (_name, item) => {
		expect(roundTrip(item)).toEqual(item);
	});

	it('reads edited texts, required, tags and a new option with a fresh code', () => {
		const item = newItem.singleChoice('topic', ['option-1', 'b']);
		const form = { ...itemToForm(item), 'text.sv': 'Ämne', required: 'on', tags: ['friendliness'], tagsOther: 'own-tag', 'options[2].label.fi': 'Uusi' };
		const result = itemFromForm(item, form, context);
		expect(result.ok && result.item).toMatchObject({
			text: { fi: 'Kysymys topic', sv: 'Ämne' },
			required: true,
			tags: ['friendliness', 'own-tag'],
			options: [{ code: 'option-1' }, { code: 'b' }, { code: 'option-2', label: { fi: 'Uusi' } }]
		});
	});

	it('removes an option and a matrix row marked for removal, and gives new rows unused ids', () => {
		const matrix = newItem.matrix('m', ['m-row-1', 'two']);
		const form = { ...itemToForm(matrix), 'rows[1].remove': 'on', 'rows[2].text.fi': 'Kolmas' };
		const result = itemFromForm(matrix, form, { takenIds: new Set(['m-row-2']) });
		expect(result.ok && result.item.kind === 'matrix' && result.item.rows.map((row) => row.id)).toEqual(['m-row-1', 'm-row-3']);
	});

	it('switches a scale from end labels to labelled points', () => {
		const rating = newItem.rating('r', { scale: { min: 1, max: 3, lowLabel: { fi: 'Huono' }, highLabel: { fi: 'Hyvä' } } });
		const form = { ...itemToForm(rating), 'scale.labelMode': 'points', 'scale.pointLabels[0].fi': 'Yksi', 'scale.pointLabels[1].fi': 'Kaksi', 'scale.pointLabels[2].fi': 'Kolme' };
		const result = itemFromForm(rating, form, context);
		expect(result.ok && result.item.kind === 'rating' && result.item.scale).toEqual({ min: 1, max: 3, pointLabels: [{ fi: 'Yksi' }, { fi: 'Kaksi' }, { fi: 'Kolme' }] });
	});

	it('names the field of a number that is not one', () => {
		const result = itemFromForm(newItem.number('n'), { 'text.fi': 'Luku', min: 'kolme', max: '3,5' }, context);
		expect(!result.ok && result.problems).toEqual([{ field: 'min', code: 'not_a_number' }]);
	});

	it('asks for values when a show-if item is chosen without any', () => {
		const result = itemFromForm(newItem.longText('why'), { 'text.fi': 'Miksi?', showIfRef: 'topic' }, context);
		expect(!result.ok && result.problems).toEqual([{ field: 'showIfValues', code: 'choose_show_if_values' }]);
	});

	it('keeps a condition it cannot show in the simple form', () => {
		const item = newItem.longText('why', { showIf: { not: { equals: ['topic', 'a'] } } });
		expect(roundTrip(item).showIf).toEqual({ not: { equals: ['topic', 'a'] } });
	});

	it('leads a validation issue back to its field', () => {
		const instrument = newInstrument([newItem.rating('r')]);
		const form = { ...itemToForm(instrument.sections[0]!.items[0]!), 'text.fi': '', 'scale.max': '20' };
		const read = itemFromForm(instrument.sections[0]!.items[0]!, form, context);
		if (!read.ok) throw new Error('read failed');
		const result = replaceItem(instrument, read.item);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const fields = Object.keys(form);
		const named = result.issues.map((issue) => issueFieldName(issue, 'sections[0].items[0]', 'fi', fields));
		// The scale issue sits on `scale` as a whole, so it leads to the scale's first field.
		expect(named.sort()).toEqual(['scale.min', 'text.fi']);
	});
});
