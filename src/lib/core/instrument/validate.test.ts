import { describe, expect, it } from 'vitest';
import type { InstrumentIssue } from './instrument-issues.ts';
import { newInstrument, newItem } from './test-builders.ts';
import { validateInstrument } from './validate.ts';

function issuesOf(json: unknown): InstrumentIssue[] {
	const result = validateInstrument(json);
	return result.ok ? [] : result.issues;
}

describe('validateInstrument', () => {
	it('accepts a definition with every item kind', () => {
		const instrument = newInstrument([
			newItem.info('intro'),
			newItem.singleChoice('age_band', ['15-29', '30-44'], { segment: 'age_band', other: { label: { fi: 'Muu' } } }),
			newItem.multipleChoice('channels', ['web', 'desk'], { minSelections: 1, maxSelections: 2 }),
			newItem.rating('friendliness', { allowNa: true, tags: ['friendliness'] }),
			newItem.matrix('tools', ['computer', 'tablet']),
			newItem.importancePerformance('opening_hours'),
			newItem.libqual('collections', { allowNa: true }),
			newItem.nps('recommend'),
			newItem.schoolGrade('grade'),
			newItem.happyIndex('mood'),
			newItem.checklist('greeted', { weight: 2, allowNa: true }),
			newItem.number('visits', { min: 0, max: 365, integer: true }),
			newItem.date('visited', { min: '2025-01-01', max: '2025-12-31' }),
			newItem.shortText('name', { maxLength: 80 }),
			newItem.longText('comment', { showIf: { and: [{ answered: 'grade' }, { not: { equals: ['age_band', '15-29'] } }] } })
		]);
		expect(issuesOf(instrument)).toEqual([]);
	});

	it('names the item, its path and the problem for a duplicate id', () => {
		const issues = issuesOf(newInstrument([newItem.rating('friendliness'), newItem.nps('friendliness')]));
		expect(issues).toEqual([
			{
				code: 'duplicate_item_id',
				path: 'sections[0].items[1].id',
				itemId: 'friendliness',
				message: "Item 'friendliness' (sections[0].items[1].id): the id is used by an earlier item"
			}
		]);
	});

	it('refuses ids shared across sections, and duplicate section ids', () => {
		const instrument = newInstrument([], {
			sections: [
				{ id: 'a', title: { fi: 'A' }, items: [newItem.nps('score')] },
				{ id: 'a', title: { fi: 'B' }, items: [newItem.nps('score')] }
			]
		});
		expect(issuesOf(instrument).map((issue) => issue.code)).toEqual(['duplicate_section_id', 'duplicate_item_id']);
	});

	it.each([
		['later item', [newItem.nps('a', { showIf: { answered: 'b' } }), newItem.nps('b')], 'show_if_later_item'],
		['the item itself', [newItem.nps('a', { showIf: { answered: 'a' } })], 'show_if_later_item'],
		['unknown item', [newItem.nps('a', { showIf: { equals: ['nothing', 3] } })], 'show_if_unknown_item'],
		['info block', [newItem.info('i'), newItem.nps('a', { showIf: { answered: 'i' } })], 'show_if_not_answerable'],
		['missing row', [newItem.matrix('m', ['r1']), newItem.nps('a', { showIf: { equals: ['m.r2', 3] } })], 'show_if_unknown_facet'],
		['whole matrix compared', [newItem.matrix('m', ['r1']), newItem.nps('a', { showIf: { equals: ['m', 3] } })], 'show_if_unknown_facet'],
		['value outside scale', [newItem.rating('r'), newItem.nps('a', { showIf: { in: ['r', [4, 6]] } })], 'show_if_unknown_value'],
		['N/A not offered', [newItem.rating('r'), newItem.nps('a', { showIf: { equals: ['r', 'na'] } })], 'show_if_unknown_value'],
		['not an option', [newItem.singleChoice('c', ['x']), newItem.nps('a', { showIf: { equals: ['c', 'y'] } })], 'show_if_unknown_value']
	] as const)('refuses show-if referring to a %s', (_case, items, code) => {
		const issues = issuesOf(newInstrument([...items]));
		expect(issues.map((issue) => issue.code)).toEqual([code]);
		expect(issues[0]!.itemId).toBe('a');
	});

	it('accepts show-if on a matrix row, a LibQUAL level and options filled at run time', () => {
		const instrument = newInstrument([
			newItem.matrix('m', ['r1'], { allowNa: true }),
			newItem.libqual('lq'),
			newItem.singleChoice('home', [], { options: undefined, optionsFrom: 'libraries' }),
			newItem.nps('a', { showIf: { or: [{ equals: ['m.r1', 'na'] }, { in: ['lq.perceived', [1, 2]] }, { equals: ['home', 'metso'] }] } })
		]);
		expect(issuesOf(instrument)).toEqual([]);
	});

	it('refuses a section whose show-if refers to an item of the same section', () => {
		const instrument = newInstrument([], {
			sections: [{ id: 'a', title: { fi: 'A' }, showIf: { answered: 'x' }, items: [newItem.nps('x')] }]
		});
		expect(issuesOf(instrument).map((issue) => [issue.code, issue.path])).toEqual([['show_if_later_item', 'sections[0].showIf']]);
	});

	it.each([
		[2, 'scale_points'],
		[12, 'scale_points']
	])('refuses a scale of %i points', (points, code) => {
		const item = newItem.rating('r', { scale: { min: 1, max: points, lowLabel: { fi: 'a' }, highLabel: { fi: 'b' } } });
		expect(issuesOf(newInstrument([item]))).toMatchObject([{ code, itemId: 'r', path: 'sections[0].items[0].scale' }]);
	});

	it('accepts scales of 3 and of 11 points (0–10)', () => {
		const three = newItem.rating('three', { scale: { min: 1, max: 3, lowLabel: { fi: 'a' }, highLabel: { fi: 'b' } } });
		const eleven = newItem.rating('eleven', { scale: { min: 0, max: 10, lowLabel: { fi: 'a' }, highLabel: { fi: 'b' } } });
		expect(issuesOf(newInstrument([three, eleven]))).toEqual([]);
	});

	it('refuses point labels that do not match the points, and scales with no labels', () => {
		const wrongCount = newItem.rating('a', { scale: { min: 1, max: 3, pointLabels: [{ fi: 'a' }, { fi: 'b' }] } });
		const unlabelled = newItem.rating('b', { scale: { min: 1, max: 5, lowLabel: { fi: 'a' } } });
		expect(issuesOf(newInstrument([wrongCount, unlabelled])).map((issue) => [issue.code, issue.itemId])).toEqual([
			['scale_labels', 'a'],
			['scale_labels', 'b']
		]);
	});

	it('refuses text missing in the base language, naming where it is', () => {
		const item = newItem.singleChoice('c', ['x', 'y']);
		item.options![1]!.label = { sv: 'Ja' };
		const issues = issuesOf(newInstrument([item], { baseLanguage: 'fi', languages: ['fi', 'sv'] }));
		expect(issues).toMatchObject([{ code: 'missing_base_text', itemId: 'c', path: 'sections[0].items[0].options[1].label' }]);
	});

	it('takes Swedish as the base language of a Swedish-speaking municipality', () => {
		const instrument = newInstrument([], {
			baseLanguage: 'sv',
			languages: ['sv'],
			title: { sv: 'Enkät' },
			sections: [{ id: 'main', title: { sv: 'Frågor' }, items: [{ ...newItem.nps('n'), text: { sv: 'Rekommendera?' } }] }]
		});
		expect(issuesOf(instrument)).toEqual([]);
		expect(issuesOf({ ...instrument, languages: ['fi'] }).map((issue) => issue.code)).toEqual(['base_language_not_offered']);
	});

	it('refuses duplicate option codes and `other` used as a code beside "other, what?"', () => {
		const duplicate = newItem.singleChoice('a', ['x', 'x']);
		const reserved = newItem.multipleChoice('b', ['other'], { other: { label: { fi: 'Muu' } } });
		expect(issuesOf(newInstrument([duplicate, reserved])).map((issue) => [issue.code, issue.itemId])).toEqual([
			['duplicate_option_code', 'a'],
			['reserved_option_code', 'b']
		]);
	});

	it('refuses a choice without options, and listed options beside optionsFrom', () => {
		const none = newItem.singleChoice('a', []);
		const both = newItem.singleChoice('b', ['x'], { optionsFrom: 'libraries' });
		expect(issuesOf(newInstrument([none, both])).map((issue) => issue.code)).toEqual(['missing_options', 'options_with_source']);
	});

	it('refuses impossible limits: min above max, selections, text length, calendar dates', () => {
		const issues = issuesOf(
			newInstrument([
				newItem.number('n', { min: 10, max: 1 }),
				newItem.multipleChoice('m', ['a', 'b'], { minSelections: 3 }),
				newItem.multipleChoice('k', ['a', 'b'], { minSelections: 2, maxSelections: 1 }),
				newItem.longText('t', { maxLength: 1_000_000 }),
				newItem.date('d', { min: '2025-02-30' })
			])
		);
		expect(issues.map((issue) => [issue.code, issue.itemId])).toEqual([
			['min_above_max', 'n'],
			['selection_limits', 'm'],
			['selection_limits', 'k'],
			['text_limit', 't'],
			['invalid_shape', 'd']
		]);
	});

	it('refuses the same segment on two items', () => {
		const issues = issuesOf(
			newInstrument([newItem.singleChoice('age', ['a'], { segment: 'age_band' }), newItem.singleChoice('age2', ['a'], { segment: 'age_band' })])
		);
		expect(issues).toMatchObject([{ code: 'duplicate_segment', itemId: 'age2' }]);
	});

	it('reports shape errors with the item id: unknown kind, misspelt key, bad id', () => {
		const json = newInstrument([]) as unknown as { sections: { items: unknown[] }[] };
		json.sections[0]!.items = [
			{ id: 'a', kind: 'slider', text: { fi: 'x' } },
			{ ...newItem.nps('b'), requird: true },
			{ ...newItem.nps('C d') }
		];
		const issues = issuesOf(json);
		expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
			['invalid_shape', 'sections[0].items[0].kind'],
			['invalid_shape', 'sections[0].items[1]'],
			['invalid_shape', 'sections[0].items[2].id']
		]);
		expect(issues[0]!.message).toContain("Item 'a'");
		expect(issues[1]!.message).toContain('requird');
	});
});
