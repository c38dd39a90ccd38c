import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const settings = JSON.parse(readFileSync(join(root, 'project.inlang/settings.json'), 'utf8'));
const locales: string[] = settings.locales;
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;

type Messages = Record<string, string>;

function load(pattern: string, locale: string): Messages {
	const json = JSON.parse(readFileSync(join(root, pattern.replace('{locale}', locale)), 'utf8'));
	delete json.$schema;
	return json;
}

/** `{name}` placeholders of a message, sorted, so translations must use the same variables. */
function placeholders(text: string): string[] {
	return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe.each(patterns)('messages in %s', (pattern) => {
	const byLocale = Object.fromEntries(locales.map((locale) => [locale, load(pattern, locale)]));
	const allKeys = [...new Set(locales.flatMap((locale) => Object.keys(byLocale[locale]!)))].sort();

	it.each(locales)('has every key in %s, none of them empty', (locale) => {
		const messages = byLocale[locale]!;
		expect(allKeys.filter((key) => !(key in messages)), `missing in ${locale}`).toEqual([]);
		expect(allKeys.filter((key) => typeof messages[key] === 'string' && messages[key]!.trim() === ''), `empty in ${locale}`).toEqual([]);
	});

	it('uses the same placeholders in every language', () => {
		const base = byLocale[settings.baseLocale]!;
		const mismatches = allKeys.flatMap((key) =>
			locales
				.filter((locale) => typeof base[key] === 'string' && typeof byLocale[locale]![key] === 'string')
				.filter((locale) => placeholders(byLocale[locale]![key]!).join() !== placeholders(base[key]!).join())
				.map((locale) => `${key} (${locale})`)
		);
		expect(mismatches).toEqual([]);
	});
});

describe('message keys', () => {
	it('are unique across the message files', () => {
		const seen = new Map<string, string>();
		const duplicates: string[] = [];
		for (const pattern of patterns) {
			for (const key of Object.keys(load(pattern, settings.baseLocale))) {
				if (seen.has(key)) duplicates.push(`${key} in ${seen.get(key)} and ${pattern}`);
				seen.set(key, pattern);
			}
		}
		expect(duplicates).toEqual([]);
	});
});
