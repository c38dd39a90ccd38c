import { describe, expect, it } from 'vitest';
import { upgradeInstrument } from './upgrade.ts';
import { validateInstrument } from './validate.ts';

/** A definition as the pre-release editor saved it (schemaVersion 0): plain strings, pages, type. */
function draftV0() {
	return {
		schemaVersion: 0,
		language: 'sv',
		title: 'Kundenkät',
		pages: [
			{
				id: 'service',
				title: 'Service',
				intro: 'Hur var servicen?',
				questions: [
					{
						id: 'friendliness',
						type: 'rating',
						text: 'Personalen är vänlig.',
						scale: { min: 1, max: 3, labels: ['Dåligt', 'Okej', 'Bra'] },
						allowNa: true,
						naLabel: 'Kan inte säga',
						showIf: { equals: ['age_band', '15-29'] }
					},
					{ id: 'age_band', type: 'single_choice', text: 'Ålder', options: [{ value: '15-29', label: '15–29' }] }
				]
			}
		]
	};
}

describe('upgradeInstrument', () => {
	it('upgrades a version 0 draft to the current version with localized texts', () => {
		const result = upgradeInstrument(draftV0());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.from).toBe(0);
		expect(result.definition).toMatchObject({
			schemaVersion: 1,
			baseLanguage: 'sv',
			languages: ['sv'],
			title: { sv: 'Kundenkät' },
			sections: [
				{
					id: 'service',
					title: { sv: 'Service' },
					intro: { sv: 'Hur var servicen?' },
					items: [
						{
							id: 'friendliness',
							kind: 'rating',
							text: { sv: 'Personalen är vänlig.' },
							scale: { min: 1, max: 3, pointLabels: [{ sv: 'Dåligt' }, { sv: 'Okej' }, { sv: 'Bra' }] },
							naLabel: { sv: 'Kan inte säga' },
							showIf: { equals: ['age_band', '15-29'] }
						},
						{ id: 'age_band', kind: 'single_choice', options: [{ code: '15-29', label: { sv: '15–29' } }] }
					]
				}
			]
		});
	});

	it('keeps item ids and option codes, so rounds on either version compare', () => {
		const result = upgradeInstrument(draftV0());
		const json = JSON.stringify(result);
		expect(json).toContain('"id":"friendliness"');
		expect(json).toContain('"code":"15-29"');
	});

	it('does not change the definition it was given', () => {
		const draft = draftV0();
		upgradeInstrument(draft);
		expect(draft).toEqual(draftV0());
	});

	it('leaves a current definition as it is', () => {
		const current = { schemaVersion: 1, anything: 'else' };
		expect(upgradeInstrument(current)).toEqual({ ok: true, definition: current, from: 1 });
	});

	it.each([[{}], [{ schemaVersion: 2 }], [{ schemaVersion: '1' }], [{ schemaVersion: -1 }]])(
		'refuses a definition with an unknown schemaVersion: %j',
		(json) => {
			const result = upgradeInstrument(json);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.issues[0]!.code).toBe('unknown_schema_version');
		}
	);

	it('refuses what is not a JSON object', () => {
		for (const json of [null, [], 'instrument', 3]) {
			const result = upgradeInstrument(json);
			expect(result.ok ? 'ok' : result.issues[0]!.code).toBe('not_an_object');
		}
	});

	it('lets validateInstrument read a version 0 draft and say which version it came from', () => {
		// The draft's show-if refers to a later item, which version 1 validation rightly refuses.
		const draft = draftV0();
		const [first, second] = draft.pages[0]!.questions;
		draft.pages[0]!.questions = [second!, first!];
		const result = validateInstrument(draft);
		expect(result.ok ? result.upgradedFrom : result.issues).toBe(0);
	});
});
