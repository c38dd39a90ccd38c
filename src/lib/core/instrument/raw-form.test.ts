import { describe, expect, it } from 'vitest';
import { formDataToRecord, isIsoDate, parseDecimal, readValues, textLength } from './raw-form.ts';

describe('parseDecimal', () => {
	it.each([
		['3,5', 3.5],
		['3.5', 3.5],
		['1 000', 1000],
		['1\u00a0000,25', 1000.25],
		['−4', -4],
		['+2', 2]
	])('reads %j as %d', (text, value) => {
		expect(parseDecimal(text)).toBe(value);
	});

	it.each(['', 'kolme', '1e3', '1,000.5', '3,', ',5', 'Infinity', '0x10'])('refuses %j', (text) => {
		expect(parseDecimal(text)).toBeUndefined();
	});
});

describe('isIsoDate', () => {
	it('accepts real calendar dates only', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('0099-01-01')).toBe(true);
		expect(isIsoDate('2025-02-29')).toBe(false);
		expect(isIsoDate('2025-13-01')).toBe(false);
		expect(isIsoDate('1.5.2025')).toBe(false);
	});
});

describe('textLength', () => {
	it('counts characters as people do, an emoji once', () => {
		expect(textLength('äö😀')).toBe(3);
	});
});

describe('readValues', () => {
	it('trims, drops blanks and repeats, and ignores values that are not text', () => {
		expect(readValues({ a: [' x ', '', 'x', 'y'] }, 'a')).toEqual(['x', 'y']);
		expect(readValues({ a: [3 as unknown as string] }, 'a')).toEqual([]);
		expect(readValues({}, 'toString')).toEqual([]);
	});
});

describe('formDataToRecord', () => {
	it('turns repeated names into lists and skips files', () => {
		const form = new FormData();
		form.append('q.channels', 'web');
		form.append('q.channels', 'desk');
		form.append('q.age', '15-29');
		form.append('upload', new Blob(['x']), 'x.txt');
		expect(formDataToRecord(form)).toEqual({ 'q.channels': ['web', 'desk'], 'q.age': '15-29' });
	});
});
