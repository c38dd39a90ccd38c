import { describe, expect, it } from 'vitest';
import { missingTranslations } from '../texts.ts';
import { newInstrument, newItem } from '../test-builders.ts';
import { setSettings, setText, setTexts } from './text-ops.ts';

const base = () =>
	newInstrument([newItem.singleChoice('topic', ['a', 'b'])], { languages: ['fi', 'sv'] });

describe('setTexts', () => {
	it('adds a Swedish wording by path and the missing-translation warning goes away', () => {
		const before = base();
		expect(missingTranslations(before).some((missing) => missing.path === 'sections[0].items[0].options[1].label')).toBe(true);
		const result = setText(before, 'sections[0].items[0].options[1].label', 'sv', 'Alternativ B');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.instrument.sections[0]!.items[0]).toMatchObject({ options: [{ code: 'a' }, { code: 'b', label: { fi: 'b', sv: 'Alternativ B' } }] });
		expect(missingTranslations(result.instrument).some((missing) => missing.path === 'sections[0].items[0].options[1].label')).toBe(false);
		expect(before.sections[0]!.items[0]).not.toHaveProperty('options.1.label.sv');
	});

	it('removes a wording given as blank', () => {
		const result = setTexts(base(), [
			{ path: 'title', language: 'sv', value: 'Enkät' },
			{ path: 'title', language: 'sv', value: '  ' }
		]);
		expect(result.ok && result.instrument.title).toEqual({ fi: 'Testikysely' });
	});

	it('refuses to blank the base language, naming the item', () => {
		const result = setText(base(), 'sections[0].items[0].text', 'fi', '');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'missing_base_text', itemId: 'topic' });
	});

	it('refuses a path that is not a text', () => {
		for (const path of ['sections[0].items[0].options[0].code', 'sections[9].title', 'constructor', '']) {
			const result = setText(base(), path, 'fi', 'x');
			expect(!result.ok && result.issues[0]!.code, path).toBe('not_a_text');
		}
	});
});

describe('setSettings', () => {
	it('keeps the base language among the offered ones, in canonical order', () => {
		const result = setSettings(base(), { title: { fi: 'Kysely', en: 'Survey' }, baseLanguage: 'fi', languages: ['en'] });
		expect(result.ok && result.instrument.languages).toEqual(['fi', 'en']);
		expect(result.ok && result.instrument.title).toEqual({ fi: 'Kysely', en: 'Survey' });
	});

	it('refuses to switch the base language while texts lack it', () => {
		const result = setSettings(base(), { title: { fi: 'Kysely', sv: 'Enkät' }, baseLanguage: 'sv', languages: ['sv'] });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues.some((issue) => issue.code === 'missing_base_text' && issue.itemId === 'topic')).toBe(true);
	});
});
