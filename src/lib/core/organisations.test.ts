import { describe, expect, it } from 'vitest';
import {
	libraryInputSchema,
	mobileStopInputSchema,
	networkInputSchema,
	parseInput,
	parseScopeRef,
	slugify,
	uniqueKey
} from './organisations.ts';
import { isIsoDate, localDate } from './local-date.ts';

const library = { key: 'hervanta', kind: 'branch', nameFi: 'Hervannan kirjasto', nameSv: '', isil: '', kirkantaId: '', sizeClass: '', municipality: '', validFrom: '2026-01-01' };

describe('organisation input', () => {
	it('accepts a library form and turns empty optional fields into null', () => {
		expect(parseInput(libraryInputSchema, library)).toEqual({
			ok: true,
			value: { ...library, nameSv: null, isil: null, kirkantaId: null, sizeClass: null, municipality: null }
		});
	});

	it('trims names and keeps the Swedish one', () => {
		const result = parseInput(libraryInputSchema, { ...library, nameFi: '  Hervanta ', nameSv: ' Hervanta bibliotek ' });
		expect(result.ok && [result.value.nameFi, result.value.nameSv]).toEqual(['Hervanta', 'Hervanta bibliotek']);
	});

	it.each([
		['Hervanta', 'key_format'],
		['hervanta-', 'key_format'],
		['her--vanta', 'key_format'],
		['hervanta_2', 'key_format'],
		['new', 'key_reserved'],
		['', 'required'],
		['a'.repeat(65), 'too_long']
	])('rejects the key %j with %s', (key, problem) => {
		expect(parseInput(libraryInputSchema, { ...library, key })).toEqual({ ok: false, errors: { key: problem } });
	});

	it.each(['FI-Tre', 'FI-Kouvo', 'fi-Tre', 'FI-Lahti:A/1'])('accepts the ISIL code %j', (isil) => {
		const result = parseInput(libraryInputSchema, { ...library, isil });
		expect(result.ok && result.value.isil).toBe(isil.replace(/^fi/, 'FI'));
	});

	it.each(['Tampere', 'FI_Tre', 'FI-', 'FIN-Tre', 'FI-Tampereenkaupunki'])('rejects the ISIL code %j', (isil) => {
		expect(parseInput(libraryInputSchema, { ...library, isil })).toEqual({ ok: false, errors: { isil: 'isil_format' } });
	});

	it('reports each bad field once, with its own problem', () => {
		expect(parseInput(libraryInputSchema, { ...library, nameFi: ' ', kind: 'castle', kirkantaId: '12a', validFrom: '2026-02-30' })).toEqual({
			ok: false,
			errors: { nameFi: 'required', kind: 'invalid_choice', kirkantaId: 'kirkanta_id_format', validFrom: 'date_format' }
		});
	});

	it('reads a Kirkanta id as a number', () => {
		const result = parseInput(networkInputSchema, { key: 'piki', kind: 'consortium', nameFi: 'PIKI', kirkantaId: '2133' });
		expect(result.ok && result.value.kirkantaId).toBe(2133);
	});

	it('treats missing form fields as empty', () => {
		expect(parseInput(networkInputSchema, {})).toEqual({ ok: false, errors: { key: 'required', kind: 'invalid_choice', nameFi: 'required' } });
	});

	it('lets a mobile stop leave its key empty', () => {
		expect(parseInput(mobileStopInputSchema, { key: '', nameFi: 'Tori' })).toEqual({ ok: true, value: { key: null, nameFi: 'Tori', nameSv: null } });
	});
});

describe('slugify', () => {
	it.each([
		['Metso – Tampereen pääkirjasto', 'metso-tampereen-paakirjasto'],
		['Hämeenkylän kirjasto', 'hameenkylan-kirjasto'],
		['Jakobstads stadsbibliotek – Åbo', 'jakobstads-stadsbibliotek-abo'],
		['Ylöjärvi, Café Élan', 'ylojarvi-cafe-elan'],
		['—', '']
	])('folds %j to %j', (name, key) => {
		expect(slugify(name)).toBe(key);
	});

	it('never ends a truncated key with a hyphen', () => {
		expect(slugify(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63));
	});
});

describe('uniqueKey', () => {
	it('numbers a key that is taken', () => {
		const taken = new Set(['metso', 'metso-2']);
		expect(uniqueKey('metso', (k) => taken.has(k))).toBe('metso-3');
		expect(uniqueKey('hervanta', (k) => taken.has(k))).toBe('hervanta');
	});

	it('never returns a reserved or empty key', () => {
		expect(uniqueKey('new', () => false)).toBe('new-2');
		expect(uniqueKey('', () => false)).toBe('unit');
	});
});

describe('parseScopeRef', () => {
	it('reads a type and a reference', () => {
		expect(parseScopeRef('library:tampere-metso')).toEqual({ type: 'library', ref: 'tampere-metso' });
		expect(parseScopeRef('network:FI-X')).toEqual({ type: 'network', ref: 'FI-X' });
	});

	it.each(['library', 'library:', 'region:x', 'tampere'])('rejects %j', (text) => {
		expect(parseScopeRef(text)).toBeNull();
	});
});

describe('localDate', () => {
	it('gives the calendar date in Helsinki, not in UTC', () => {
		expect(localDate(new Date('2026-02-28T23:30:00Z'))).toBe('2026-03-01');
		expect(localDate(new Date('2026-06-01T09:00:00Z'))).toBe('2026-06-01');
	});

	it('recognises real ISO dates only', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('1.6.2026')).toBe(false);
	});
});
