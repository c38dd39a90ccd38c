import { describe, expect, it } from 'vitest';
import { sheetNamer } from './sheet-names.ts';

describe('worksheet names', () => {
	it('drops characters Excel refuses, trims apostrophes and keeps 31 characters', () => {
		const name = sheetNamer();
		expect(name("'7 Mitä [kirjasto]: 1/2 * tai ? \\ x'")).toBe('7 Mitä kirjasto 1 2 tai x');
		expect(name('12 Palvelun taso: vähimmäistaso, toivottu taso ja koettu taso')).toBe('12 Palvelun taso vähimmäistaso,');
		expect(name('')).toBe('Sheet');
	});

	it('numbers repeats, ignoring case, and still fits 31 characters', () => {
		const name = sheetNamer();
		const long = 'Henkilökunta on ystävällistä ja avuliasta';
		expect([name(long), name(long.toUpperCase()), name(long)]).toEqual([
			'Henkilökunta on ystävällistä ja',
			'HENKILÖKUNTA ON YSTÄVÄLLIST (2)',
			'Henkilökunta on ystävällist (3)'
		]);
	});
});
