import { describe, expect, it } from 'vitest';
import { fieldName, itemFields, parseFieldName } from './field-names.ts';
import { newItem } from './test-builders.ts';

describe('field names', () => {
	it('name an item, its rows and its parts under q.', () => {
		expect(fieldName('age')).toBe('q.age');
		expect(fieldName('tools', 'tablet')).toBe('q.tools.tablet');
		expect(parseFieldName('q.tools.tablet')).toEqual({ itemId: 'tools', part: 'tablet' });
		expect(parseFieldName('q.age')).toEqual({ itemId: 'age', part: '' });
	});

	it('leave other fields alone', () => {
		expect(parseFieldName('submissionId')).toBeUndefined();
		expect(parseFieldName('q.')).toBeUndefined();
	});

	it('list the fields each item posts, for the renderer', () => {
		expect(itemFields(newItem.matrix('tools', ['pc', 'tablet'])).map((field) => field.name)).toEqual(['q.tools.pc', 'q.tools.tablet']);
		expect(itemFields(newItem.libqual('lq', { allowNa: true })).map((field) => field.part)).toEqual(['minimum', 'desired', 'perceived', 'na']);
		expect(itemFields(newItem.singleChoice('c', ['a'], { other: { label: { fi: 'Muu' } } })).map((field) => field.name)).toEqual([
			'q.c',
			'q.c.other'
		]);
	});
});
