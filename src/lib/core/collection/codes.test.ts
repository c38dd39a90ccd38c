import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeAlphabet, codeFromIndexes, codeLength, formatCode, isSubmissionId, normaliseCode } from './codes.ts';

describe('codes', () => {
	it('round-trips every code through formatting and forgiving input', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: codeAlphabet.length - 1 }), { minLength: codeLength, maxLength: codeLength }), (indexes) => {
				const code = codeFromIndexes(indexes);
				expect(normaliseCode(formatCode(code))).toBe(code);
				expect(normaliseCode(` ${formatCode(code).toLowerCase().replaceAll('-', ' ')} `)).toBe(code);
			})
		);
	});

	it('uses no look-alike characters and refuses them in input', () => {
		for (const char of '01ILOUV') expect(codeAlphabet.includes(char)).toBe(false);
		expect(normaliseCode('ABCD-EFGH-JK1O')).toBeUndefined();
		expect(normaliseCode('ABCD-EFGH-JK')).toBeUndefined();
	});

	it('recognises UUIDs as submission ids and nothing else', () => {
		expect(isSubmissionId('3f1c2a4e-8b7d-4c1a-9e2f-0a1b2c3d4e5f')).toBe(true);
		expect(isSubmissionId('3F1C2A4E-8B7D-4C1A-9E2F-0A1B2C3D4E5F')).toBe(true);
		expect(isSubmissionId('3f1c2a4e8b7d4c1a9e2f0a1b2c3d4e5f')).toBe(false);
		expect(isSubmissionId(42)).toBe(false);
	});
});
