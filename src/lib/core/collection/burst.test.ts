import { describe, expect, it } from 'vitest';
import type { AnswerFacet } from '../instrument/facets.ts';
import { burstRuleApplies, canonicalAnswers } from './burst.ts';

const rows: AnswerFacet[] = [
	{ itemId: 'service', facet: '', numberValue: 4, isNa: false },
	{ itemId: 'channels', facet: 'web', optionCode: 'web', isNa: false },
	{ itemId: 'comment', facet: '', text: 'Kiitos', isNa: false }
];

describe('canonicalAnswers', () => {
	it('is the same for the same answers in any order and differs when any value differs', () => {
		expect(canonicalAnswers([...rows].reverse())).toBe(canonicalAnswers(rows));
		expect(canonicalAnswers([{ ...rows[0]!, numberValue: 5 }, rows[1]!, rows[2]!])).not.toBe(canonicalAnswers(rows));
		expect(canonicalAnswers([rows[0]!, rows[1]!, { ...rows[2]!, text: 'Kiitos!' }])).not.toBe(canonicalAnswers(rows));
		expect(canonicalAnswers([{ ...rows[0]!, numberValue: undefined, isNa: true }])).not.toBe(canonicalAnswers([rows[0]!]));
	});
});

describe('burstRuleApplies', () => {
	it('watches public links only, not kiosks or staff entry', () => {
		expect((['web', 'qr', 'link', 'kiosk', 'phone', 'paper'] as const).filter(burstRuleApplies)).toEqual(['web', 'qr', 'link']);
	});
});
