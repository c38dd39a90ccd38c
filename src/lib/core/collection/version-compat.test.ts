import { describe, expect, it } from 'vitest';
import { newInstrument, newItem } from '../instrument/test-builders.ts';
import { versionCompatibilityIssues } from './version-compat.ts';

describe('versionCompatibilityIssues', () => {
	const v1 = newInstrument([newItem.rating('service'), newItem.shortText('note')]);

	it('allows rewording, reordering, adding and retiring items', () => {
		const v2 = newInstrument([newItem.nps('recommend'), { ...newItem.rating('service'), text: { fi: 'Uusi' } }]);
		expect(versionCompatibilityIssues(v2, [v1])).toEqual([]);
	});

	it('refuses an id that comes back as another kind, also from an older version', () => {
		const v2 = newInstrument([newItem.rating('service')]);
		const v3 = newInstrument([newItem.rating('service'), newItem.longText('note')]);
		expect(versionCompatibilityIssues(v3, [v1, v2]).map((issue) => [issue.code, issue.itemId, issue.path])).toEqual([['kind_changed', 'note', 'sections[0].items[1]']]);
	});
});
