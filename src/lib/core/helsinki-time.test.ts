import { describe, expect, it } from 'vitest';
import { helsinkiToInstant, instantToHelsinki } from './helsinki-time.ts';

describe('Helsinki wall-clock times', () => {
	it('reads winter time as UTC+2 and summer time as UTC+3', () => {
		expect(helsinkiToInstant('2026-01-15T08:00')?.toISOString()).toBe('2026-01-15T06:00:00.000Z');
		expect(helsinkiToInstant('2026-06-15T08:00')?.toISOString()).toBe('2026-06-15T05:00:00.000Z');
	});

	it('writes an instant back as the same wall-clock time', () => {
		for (const text of ['2026-01-15T08:00', '2026-06-15T23:59', '2026-10-25T12:00', '2026-03-29T05:00']) {
			expect(instantToHelsinki(helsinkiToInstant(text)!)).toBe(text);
		}
	});

	it('moves a time skipped in spring forward by the hour (29 March 2026, 03:00–04:00 does not exist)', () => {
		expect(helsinkiToInstant('2026-03-29T03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
	});

	it('refuses text that is no time', () => {
		for (const text of ['', '2026-02-30T08:00', '2026-01-15', '2026-01-15T24:00', 'tomorrow']) expect(helsinkiToInstant(text)).toBeUndefined();
	});
});
