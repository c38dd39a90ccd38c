import type { Instrument } from './instrument.ts';
import type { Item, ItemOf } from './items.ts';
import type { LocalizedText } from './localized-text.ts';

/**
 * Small builders for tests (here and in the collection and analysis layers): a valid instrument
 * from a few items, and items of each kind with Finnish wording and sensible defaults.
 */
export function newInstrument(items: Item[], overrides: Partial<Instrument> = {}): Instrument {
	return {
		schemaVersion: 1,
		baseLanguage: 'fi',
		languages: ['fi'],
		title: { fi: 'Testikysely' },
		sections: [{ id: 'main', title: { fi: 'Kysymykset' }, items }],
		...overrides
	};
}

const fi = (text: string): LocalizedText => ({ fi: text });

type Extra<K extends Item['kind']> = Partial<Omit<ItemOf<K>, 'kind'>>;

export const newItem = {
	singleChoice: (id: string, codes: string[], extra: Extra<'single_choice'> = {}): ItemOf<'single_choice'> => ({
		id,
		kind: 'single_choice',
		text: fi(`Kysymys ${id}`),
		options: codes.map((code) => ({ code, label: fi(code) })),
		...extra
	}),
	multipleChoice: (id: string, codes: string[], extra: Extra<'multiple_choice'> = {}): ItemOf<'multiple_choice'> => ({
		id,
		kind: 'multiple_choice',
		text: fi(`Kysymys ${id}`),
		options: codes.map((code) => ({ code, label: fi(code) })),
		...extra
	}),
	rating: (id: string, extra: Extra<'rating'> = {}): ItemOf<'rating'> => ({
		id,
		kind: 'rating',
		text: fi(`Väite ${id}`),
		scale: { min: 1, max: 5, lowLabel: fi('Huono'), highLabel: fi('Hyvä') },
		...extra
	}),
	matrix: (id: string, rowIds: string[], extra: Extra<'matrix'> = {}): ItemOf<'matrix'> => ({
		id,
		kind: 'matrix',
		text: fi(`Matriisi ${id}`),
		scale: { min: 1, max: 5, lowLabel: fi('Huono'), highLabel: fi('Hyvä') },
		rows: rowIds.map((rowId) => ({ id: rowId, text: fi(rowId) })),
		...extra
	}),
	importancePerformance: (id: string, extra: Extra<'importance_performance'> = {}): ItemOf<'importance_performance'> => ({
		id,
		kind: 'importance_performance',
		text: fi(`Väite ${id}`),
		importance: { min: 1, max: 5, lowLabel: fi('Ei tärkeä'), highLabel: fi('Tärkeä') },
		performance: { min: 1, max: 5, lowLabel: fi('Huonosti'), highLabel: fi('Hyvin') },
		...extra
	}),
	libqual: (id: string, extra: Extra<'libqual'> = {}): ItemOf<'libqual'> => ({ id, kind: 'libqual', text: fi(`Väite ${id}`), ...extra }),
	nps: (id: string, extra: Extra<'nps'> = {}): ItemOf<'nps'> => ({ id, kind: 'nps', text: fi('Suosittelisitko?'), ...extra }),
	schoolGrade: (id: string, extra: Extra<'school_grade'> = {}): ItemOf<'school_grade'> => ({
		id,
		kind: 'school_grade',
		text: fi('Arvosana'),
		...extra
	}),
	happyIndex: (id: string, extra: Extra<'happy_index'> = {}): ItemOf<'happy_index'> => ({
		id,
		kind: 'happy_index',
		text: fi('Miten onnistuimme?'),
		...extra
	}),
	checklist: (id: string, extra: Extra<'checklist'> = {}): ItemOf<'checklist'> => ({
		id,
		kind: 'checklist',
		text: fi(`Havainto ${id}`),
		...extra
	}),
	number: (id: string, extra: Extra<'number'> = {}): ItemOf<'number'> => ({ id, kind: 'number', text: fi('Luku'), ...extra }),
	date: (id: string, extra: Extra<'date'> = {}): ItemOf<'date'> => ({ id, kind: 'date', text: fi('Päivä'), ...extra }),
	shortText: (id: string, extra: Extra<'short_text'> = {}): ItemOf<'short_text'> => ({
		id,
		kind: 'short_text',
		text: fi('Lyhyesti'),
		...extra
	}),
	longText: (id: string, extra: Extra<'long_text'> = {}): ItemOf<'long_text'> => ({ id, kind: 'long_text', text: fi('Kerro'), ...extra }),
	info: (id: string, extra: Extra<'info'> = {}): ItemOf<'info'> => ({ id, kind: 'info', text: fi('Tietoa'), ...extra })
};
