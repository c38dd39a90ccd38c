import { describe, expect, it } from 'vitest';
import { itemKinds } from '../items.ts';
import { customerServiceSurvey } from '../templates/customer-service-survey.ts';
import { newInstrument, newItem } from '../test-builders.ts';
import { validateInstrument } from '../validate.ts';
import { addItem, addSection, deleteItem, deleteSection, moveItem, moveSection, replaceItem, updateSection } from './structure-ops.ts';

const ids = (result: { ok: boolean; instrument?: { sections: { items: { id: string }[] }[] } }) =>
	result.instrument?.sections.map((section) => section.items.map((item) => item.id));

function twoSections() {
	return newInstrument([], {
		sections: [
			{ id: 'first', title: { fi: 'Eka' }, items: [newItem.singleChoice('a', ['x', 'y']), newItem.rating('b')] },
			{ id: 'second', title: { fi: 'Toka' }, items: [newItem.shortText('c', { showIf: { equals: ['a', 'x'] } })] }
		]
	});
}

describe('addItem', () => {
	it.each(itemKinds)('adds a %s with defaults that pass validation and a fresh id', (kind) => {
		const before = twoSections();
		const result = addItem(before, 'second', kind);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(validateInstrument(result.instrument).ok).toBe(true);
		const added = result.instrument.sections[1]!.items.at(-1)!;
		expect(added.kind).toBe(kind);
		expect(added.id).toBe(result.itemId);
		expect(['a', 'b', 'c']).not.toContain(added.id);
		expect(before.sections[1]!.items).toHaveLength(1);
	});

	it('never hands out an id of an earlier version, even one this draft deleted', () => {
		const result = addItem(twoSections(), 'first', 'rating', { reservedIds: ['rating-1', 'rating-2'] });
		expect(result.ok && result.itemId).toBe('rating-3');
	});

	it('writes the defaults in the base language of a Swedish instrument', () => {
		const swedish = newInstrument([newItem.nps('n', { text: { sv: 'Rekommendera?' } })], {
			baseLanguage: 'sv',
			languages: ['sv'],
			title: { sv: 'Enkät' },
			sections: [{ id: 'main', title: { sv: 'Frågor' }, items: [] }]
		});
		const result = addItem(swedish, 'main', 'single_choice');
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.instrument.sections[0]!.items[0]!.text).toEqual({ sv: 'Ny fråga' });
	});

	it('refuses an unknown section', () => {
		const result = addItem(twoSections(), 'nowhere', 'nps');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]!.code).toBe('section_not_found');
	});
});

describe('moveItem', () => {
	it('swaps an item with its neighbour', () => {
		expect(ids(moveItem(twoSections(), 'b', 'up'))).toEqual([['b', 'a'], ['c']]);
	});

	it('moves across a section boundary at the edge of a section', () => {
		expect(ids(moveItem(twoSections(), 'b', 'down'))).toEqual([['a'], ['b', 'c']]);
		const result = moveItem(twoSections(), 'c', 'up');
		expect(ids(result)).toEqual([['a', 'b', 'c'], []]);
	});

	it('leaves the first item where it is when moved up', () => {
		expect(ids(moveItem(twoSections(), 'a', 'up'))).toEqual([['a', 'b'], ['c']]);
	});

	it('refuses a move that puts an item before the item its show-if reads, naming the item', () => {
		const instrument = newInstrument([newItem.singleChoice('a', ['x', 'y']), newItem.shortText('c', { showIf: { equals: ['a', 'x'] } })]);
		const result = moveItem(instrument, 'c', 'up');
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.issues[0]!.code).toBe('show_if_later_item');
			expect(result.issues[0]!.itemId).toBe('c');
		}
	});
});

describe('deleteItem', () => {
	it('deletes an item no show-if reads', () => {
		expect(ids(deleteItem(twoSections(), 'b'))).toEqual([['a'], ['c']]);
	});

	it('refuses to delete an item a later show-if reads, naming both', () => {
		const result = deleteItem(twoSections(), 'a');
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.issues).toHaveLength(1);
			expect(result.issues[0]).toMatchObject({ code: 'still_referenced', itemId: 'a' });
			expect(result.issues[0]!.message).toContain("item 'c'");
		}
	});

	it('refuses an unknown item', () => {
		const result = deleteItem(twoSections(), 'zzz');
		expect(!result.ok && result.issues[0]!.code).toBe('item_not_found');
	});
});

describe('replaceItem', () => {
	it('replaces an item by id and validates the result', () => {
		const result = replaceItem(twoSections(), newItem.rating('b', { required: true }));
		expect(result.ok && result.instrument.sections[0]!.items[1]).toMatchObject({ id: 'b', required: true });
	});

	it('refuses a scale the model does not allow, naming the item', () => {
		const result = replaceItem(twoSections(), newItem.rating('b', { scale: { min: 1, max: 20, lowLabel: { fi: 'a' }, highLabel: { fi: 'b' } } }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'scale_points', itemId: 'b' });
	});

	it('refuses to change the kind of an item', () => {
		const result = replaceItem(twoSections(), newItem.nps('b'));
		expect(!result.ok && result.issues[0]!.code).toBe('kind_changed');
	});
});

describe('sections', () => {
	it('adds, renames, moves and deletes sections', () => {
		const added = addSection(twoSections(), { fi: 'Kolmas' });
		expect(added.ok && added.sectionId).toBe('section-1');
		if (!added.ok) return;
		const renamed = updateSection(added.instrument, 'section-1', { title: { fi: 'Taustatiedot' }, intro: { fi: 'Lopuksi' } });
		expect(renamed.ok && renamed.instrument.sections[2]).toMatchObject({ title: { fi: 'Taustatiedot' }, intro: { fi: 'Lopuksi' } });
		if (!renamed.ok) return;
		const moved = moveSection(renamed.instrument, 'section-1', 'up');
		expect(moved.ok && moved.instrument.sections.map((section) => section.id)).toEqual(['first', 'section-1', 'second']);
		if (!moved.ok) return;
		const deleted = deleteSection(moved.instrument, 'section-1');
		expect(deleted.ok && deleted.instrument.sections.map((section) => section.id)).toEqual(['first', 'second']);
	});

	it('refuses to move a section before the items its items read', () => {
		const result = moveSection(twoSections(), 'second', 'up');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'show_if_later_item', itemId: 'c' });
	});

	it('refuses to delete a section whose items a later show-if reads, and the last section', () => {
		const referenced = deleteSection(twoSections(), 'first');
		expect(!referenced.ok && referenced.issues[0]!.code).toBe('still_referenced');
		const only = deleteSection(newInstrument([newItem.nps('n')]), 'main');
		expect(!only.ok && only.issues[0]!.code).toBe('last_section');
	});

	it('refuses a blank title in the base language', () => {
		const result = updateSection(twoSections(), 'first', { title: { sv: 'Första' } });
		expect(!result.ok && result.issues[0]!.code).toBe('missing_base_text');
	});
});

describe('on a shipped template', () => {
	it('moves every item down and back up and ends where it began', () => {
		const template = customerServiceSurvey();
		let current = template;
		for (const item of template.sections.flatMap((section) => section.items)) {
			const down = moveItem(current, item.id, 'down');
			// A show-if may block the move (tested above); the very last item has nowhere to go.
			if (!down.ok || JSON.stringify(down.instrument) === JSON.stringify(current)) continue;
			const up = moveItem(down.instrument, item.id, 'up');
			expect(up.ok).toBe(true);
			if (up.ok) current = up.instrument;
		}
		expect(current).toEqual(template);
	});
});
