import { describe, expect, it } from 'vitest';
import { facetRange, refDomain, sameValue } from './facet-domain.ts';
import { newItem } from './test-builders.ts';

describe('facetRange', () => {
	it('gives analysis the range of the values stored under each facet', () => {
		expect(facetRange(newItem.matrix('m', ['a']), 'a')).toEqual({ min: 1, max: 5 });
		expect(facetRange(newItem.matrix('m', ['a']), 'b')).toBeUndefined();
		expect(facetRange(newItem.libqual('lq'), 'desired')).toEqual({ min: 1, max: 9 });
		expect(facetRange(newItem.nps('n'), '')).toEqual({ min: 0, max: 10 });
		expect(facetRange(newItem.schoolGrade('g'), '')).toEqual({ min: 4, max: 10 });
		expect(facetRange(newItem.checklist('c'), '')).toEqual({ min: 0, max: 1 });
		expect(facetRange(newItem.number('x', { min: 0 }), '')).toEqual({ min: 0 });
		expect(facetRange(newItem.singleChoice('s', ['a']), '')).toBeUndefined();
	});
});

describe('refDomain', () => {
	it('lists the values a show-if may compare an item with, N/A included where offered', () => {
		expect(refDomain(newItem.rating('r', { allowNa: true }), '')).toEqual({ values: [1, 2, 3, 4, 5, 'na'] });
		expect(refDomain(newItem.singleChoice('s', ['a'], { other: { label: { fi: 'Muu' } } }), '')).toEqual({ values: ['a', 'other'] });
		expect(refDomain(newItem.importancePerformance('ip'), '')).toEqual({ compound: true });
		expect(refDomain(newItem.date('d'), '')).toEqual({ values: 'any' });
	});
});

describe('sameValue', () => {
	it('compares numbers numerically and everything else as text', () => {
		expect(sameValue(3, '3')).toBe(true);
		expect(sameValue('3.0', 3)).toBe(true);
		expect(sameValue('15-29', '15-29')).toBe(true);
		expect(sameValue('na', 'NA')).toBe(false);
	});
});
