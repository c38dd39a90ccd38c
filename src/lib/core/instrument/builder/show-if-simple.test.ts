import { describe, expect, it } from 'vitest';
import { newInstrument, newItem } from '../test-builders.ts';
import { readSimpleShowIf, setSimpleShowIf, showIfChoices } from './show-if-simple.ts';

const instrument = () =>
	newInstrument([
		newItem.singleChoice('topic', ['loans', 'help'], { other: { label: { fi: 'Muu' } } }),
		newItem.matrix('service', ['friendly', 'quick'], { allowNa: true }),
		newItem.shortText('free'),
		newItem.checklist('greeted'),
		newItem.longText('why')
	]);

describe('showIfChoices', () => {
	it('offers the earlier items and facets with closed values, labelled', () => {
		const choices = showIfChoices(instrument(), 'why');
		expect(choices.map((choice) => choice.ref)).toEqual(['topic', 'service.friendly', 'service.quick', 'greeted']);
		expect(choices[0]!.values.map((value) => value.value)).toEqual(['loans', 'help', 'other']);
		expect(choices[0]!.values[2]!.label).toEqual({ fi: 'Muu' });
		expect(choices[1]!.values.map((value) => value.value)).toEqual([1, 2, 3, 4, 5, 'na']);
		expect(choices[1]!.values[0]!.label).toEqual({ fi: 'Huono' });
		expect(choices[1]!.facetText).toEqual({ fi: 'friendly' });
	});

	it('offers nothing for the first item', () => {
		expect(showIfChoices(instrument(), 'topic')).toEqual([]);
	});
});

describe('setSimpleShowIf', () => {
	it('stores one value as equals and several as in, with scale values as numbers', () => {
		const one = setSimpleShowIf(instrument(), 'why', { ref: 'topic', values: ['help'] });
		expect(one.ok && one.instrument.sections[0]!.items[4]!.showIf).toEqual({ equals: ['topic', 'help'] });
		const several = setSimpleShowIf(instrument(), 'why', { ref: 'service.quick', values: ['1', '2'] });
		expect(several.ok && several.instrument.sections[0]!.items[4]!.showIf).toEqual({ in: ['service.quick', [1, 2]] });
		if (several.ok) expect(readSimpleShowIf(several.instrument.sections[0]!.items[4]!.showIf)).toEqual({ ref: 'service.quick', values: [1, 2] });
	});

	it('refuses a value the item cannot have and a later item, naming the item', () => {
		const badValue = setSimpleShowIf(instrument(), 'why', { ref: 'topic', values: ['nope'] });
		expect(!badValue.ok && badValue.issues[0]).toMatchObject({ code: 'show_if_unknown_value', itemId: 'why' });
		const later = setSimpleShowIf(instrument(), 'topic', { ref: 'greeted', values: ['yes'] });
		expect(!later.ok && later.issues[0]).toMatchObject({ code: 'show_if_later_item', itemId: 'topic' });
	});

	it('removes the condition', () => {
		const set = setSimpleShowIf(instrument(), 'why', { ref: 'greeted', values: ['no'] });
		if (!set.ok) throw new Error('set failed');
		const cleared = setSimpleShowIf(set.instrument, 'why', undefined);
		expect(cleared.ok && cleared.instrument.sections[0]!.items[4]!.showIf).toBeUndefined();
	});

	it('reads only equals and in as simple', () => {
		expect(readSimpleShowIf({ not: { equals: ['a', 1] } })).toBeUndefined();
		expect(readSimpleShowIf({ answered: 'a' })).toBeUndefined();
	});
});
