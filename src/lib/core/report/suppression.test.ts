import { describe, expect, it } from 'vitest';
import { suppressGroups } from './suppression.ts';

describe('suppressGroups', () => {
	it('hides groups under the minimum and marks groups nobody answered as empty', () => {
		expect(suppressGroups([[12], [4], [0], [5]], [], 5)).toEqual([null, 'small', 'empty', null]);
	});

	it('hides a group when any count its figures rest on is under the minimum', () => {
		// 30 respondents, but only 3 valid answers (27 said N/A): the mean of 3 answers is not shown.
		expect(suppressGroups([[30, 30, 3]], [], 5)).toEqual(['small']);
	});

	it('hides the next smallest sibling when a small one could be computed from the total', () => {
		// Municipality 52 = libraries 40 + 3 + 9: with 3 hidden, 52 − 40 − 9 would give it away.
		expect(suppressGroups([[52], [40], [3], [9]], [{ total: 0, parts: [1, 2, 3], hide: 'parts' }], 5)).toEqual([null, null, 'small', 'complementary']);
	});

	it('hides another sibling when the small ones together stay under the minimum', () => {
		// 30 = 20 + 2 + 1 + 7: 2 and 1 are hidden but 30 − 20 − 7 = 3 would give both together.
		expect(suppressGroups([[30], [20], [2], [1], [7]], [{ total: 0, parts: [1, 2, 3, 4] }], 5)).toEqual([null, null, 'small', 'small', 'complementary']);
	});

	it('shows every sibling when the hidden small ones together reach the minimum', () => {
		// 30 = 20 + 3 + 3 + 4: the three small ones hide each other (10 ≥ 5).
		expect(suppressGroups([[30], [20], [3], [3], [4]], [{ total: 0, parts: [1, 2, 3, 4] }], 5)).toEqual([null, null, 'small', 'small', 'small']);
	});

	it('treats the respondents outside every shown part as a hidden remainder', () => {
		// 40 respondents, 20 + 17 gave their age band: the 3 others would be 40 − 20 − 17.
		expect(suppressGroups([[40], [20], [17]], [{ total: 0, parts: [1, 2] }], 5)).toEqual([null, null, 'complementary']);
	});

	it('hides the comparison unit when the scope inside it leaves too few others', () => {
		// Library 40 in a municipality of 43 (one other library with 3) and a network of 100.
		const relations = [
			{ total: 1, parts: [0], hide: 'total' as const },
			{ total: 2, parts: [0], hide: 'total' as const },
			{ total: 2, parts: [1], hide: 'total' as const }
		];
		expect(suppressGroups([[40], [43], [100]], relations, 5)).toEqual([null, 'complementary', null]);
	});

	it('hides a filtered group whose unfiltered total, shown elsewhere, differs by too few', () => {
		// 20 kiosk answers of a library with 22 in all: the 2 other answers would be 22 − 20.
		expect(suppressGroups([[20], [60]], [{ total: [22], parts: [0] }, { total: [90], parts: [1] }], 5)).toEqual(['complementary', null]);
	});

	it('follows a derived group to its values (45+ = 45–64 ∪ 65+)', () => {
		// Scope 50; 15-29: 20, 30-44: 10, 45-64: 17, 65-plus: 3, derived 45-plus: 20.
		const relations = [
			{ total: 0, parts: [1, 2, 3, 4] },
			{ total: 5, parts: [3, 4] },
			{ total: 0, parts: [5, 1, 2] }
		];
		expect(suppressGroups([[50], [20], [10], [17], [3], [20]], relations, 5)).toEqual([null, null, null, 'complementary', 'small', null]);
	});

	it('checks each count of a group on its own', () => {
		// Two counts (answers, valid answers): 60 = 30 + 20 + 10 is safe, but the valid answers
		// 48 − 28 − 18 = 2 would give away the last library's, so the smaller visible one goes.
		const sizes = [
			[60, 48],
			[30, 28],
			[20, 18],
			[10, 2]
		];
		expect(suppressGroups(sizes, [{ total: 0, parts: [1, 2, 3] }], 5)).toEqual([null, null, 'complementary', 'small']);
	});
});
