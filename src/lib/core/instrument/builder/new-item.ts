import type { Item, ItemKind, ItemOf } from '../items.ts';
import type { BaseLanguage, LocalizedText } from '../localized-text.ts';
import type { Scale } from '../scale.ts';

/**
 * A new item of any kind with sane defaults, worded in the instrument's base language only (the
 * translations page shows what is missing). Every default passes `validateInstrument`: choices get
 * two options, scales five points with end labels, a matrix one row.
 */
const placeholders = {
	question: { fi: 'Uusi kysymys', sv: 'Ny fråga' },
	statement: { fi: 'Uusi väite', sv: 'Nytt påstående' },
	info: { fi: 'Uusi tiedote vastaajalle', sv: 'Nytt meddelande till den som svarar' },
	option: { fi: 'Vaihtoehto', sv: 'Alternativ' },
	row: { fi: 'Rivi', sv: 'Rad' },
	low: { fi: 'Täysin eri mieltä', sv: 'Helt av annan åsikt' },
	high: { fi: 'Täysin samaa mieltä', sv: 'Helt av samma åsikt' },
	importanceLow: { fi: 'Ei lainkaan tärkeä', sv: 'Inte alls viktigt' },
	importanceHigh: { fi: 'Erittäin tärkeä', sv: 'Mycket viktigt' },
	performanceLow: { fi: 'Erittäin huonosti', sv: 'Mycket dåligt' },
	performanceHigh: { fi: 'Erittäin hyvin', sv: 'Mycket bra' }
} as const;

type Placeholder = keyof typeof placeholders;

function say(what: Placeholder, language: BaseLanguage, suffix = ''): LocalizedText {
	return { [language]: placeholders[what][language] + suffix };
}

function fivePoints(language: BaseLanguage, low: Placeholder, high: Placeholder): Scale {
	return { min: 1, max: 5, lowLabel: say(low, language), highLabel: say(high, language) };
}

export function newItemOfKind(kind: ItemKind, id: string, language: BaseLanguage): Item {
	const question = say('question', language);
	const statement = say('statement', language);
	const options = [1, 2].map((n) => ({ code: `option-${n}`, label: say('option', language, ` ${n}`) }));
	switch (kind) {
		case 'single_choice':
		case 'multiple_choice':
			return { id, kind, text: question, options } as ItemOf<'single_choice' | 'multiple_choice'>;
		case 'rating':
			return { id, kind, text: statement, scale: fivePoints(language, 'low', 'high') };
		case 'matrix':
			return {
				id,
				kind,
				text: question,
				scale: fivePoints(language, 'low', 'high'),
				rows: [{ id: `${id}-row-1`, text: say('row', language, ' 1') }]
			};
		case 'importance_performance':
			return {
				id,
				kind,
				text: statement,
				importance: fivePoints(language, 'importanceLow', 'importanceHigh'),
				performance: fivePoints(language, 'performanceLow', 'performanceHigh')
			};
		case 'libqual':
		case 'checklist':
			return { id, kind, text: statement };
		case 'info':
			return { id, kind, text: say('info', language) };
		default:
			return { id, kind, text: question };
	}
}
