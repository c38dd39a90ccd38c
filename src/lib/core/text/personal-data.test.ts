import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalData, stripPersonalData } from './personal-data.ts';

const masked = (text: string) => maskPersonalData(text, 'en');

describe('maskPersonalData: e-mail addresses', () => {
	it.each([
		['Vastatkaa osoitteeseen matti.meikalainen@example.fi kiitos', 'Vastatkaa osoitteeseen [e-mail] kiitos'],
		['mail: Anna.Svensson+kirjasto@posti.kunta.fi.', 'mail: [e-mail].'],
		['etunimi.sukunimi(at)kirjasto.fi vastaa', '[e-mail] vastaa'],
		['ota yhteyttä: liisa [at] example.com', 'ota yhteyttä: [e-mail]'],
		['skriv till åsa.öberg@bibliotek.ax', 'skriv till [e-mail]'],
		['two: a@b.fi, c_d@e-f.org', 'two: [e-mail], [e-mail]']
	])('masks %j', (text, expected) => {
		expect(masked(text)).toBe(expected);
	});

	it('keeps an @ that is not an address', () => {
		expect(masked('Tapaaminen @ pääkirjasto klo 10')).toBe('Tapaaminen @ pääkirjasto klo 10');
	});
});

describe('maskPersonalData: phone numbers', () => {
	it.each([
		['Soittakaa 040 123 4567 kiitos', 'Soittakaa [phone number] kiitos'],
		['numeroni on 0401234567.', 'numeroni on [phone number].'],
		['040-123 4567', '[phone number]'],
		['050 1234567', '[phone number]'],
		['+358 40 1234567', '[phone number]'],
		['+358401234567', '[phone number]'],
		['+358 (0)40 123 4567', '[phone number]'],
		['00358 40 123 4567', '[phone number]'],
		['Helsinki 09-123 456 tai (09) 310 85000', 'Helsinki [phone number] tai [phone number]'],
		['Ring +46 8 123 456 78 eller 08-123 45 67', 'Ring [phone number] eller [phone number]'],
		['Call +1 (555) 123-4567 or +44 20 7946 0958', 'Call [phone number] or [phone number]'],
		['puh. 123 4567', 'puh. [phone number]'],
		['tel: 9876543', 'tel: [phone number]'],
		['Puhelin 3214 567 illalla', 'Puhelin [phone number] illalla']
	])('masks %j', (text, expected) => {
		expect(masked(text)).toBe(expected);
	});
});

describe('maskPersonalData: identifying numbers', () => {
	it.each([
		['Kortin numero 20112345678 ei toimi', 'Kortin numero [number] ei toimi'],
		['kirjastokorttini 2 0113 4567 89 on hukassa', 'kirjastokorttini [number] on hukassa'],
		['lånekort 123456 spärrat', 'lånekort [number] spärrat'],
		['my card 55 4433 221 expired', 'my card [number] expired'],
		['hetu 131052-308T vahingossa', 'hetu [number] vahingossa']
	])('masks %j', (text, expected) => {
		expect(masked(text)).toBe(expected);
	});
});

describe('maskPersonalData keeps what is not personal', () => {
	it.each([
		'Vuonna 2024 palvelu parani, toisin kuin 1998.',
		'Kävin kirjastossa 12.3.2024 ja 2024-05-12.',
		'Päivämäärä 01/02/2024 tai 1-2-24 oli väärin.',
		'Auki klo 9-20, la 10–16.',
		'Aukioloajat ma–pe 8.00–20.00, su 12:00-18:00.',
		'Lehtisali ma 09-12 13-16.',
		'Odotin 15 minuuttia, jonossa oli 12 ihmistä.',
		'Sakko oli 1 000 000 markkaa (vitsi) tai 2,50 €.',
		'Vuodet 2019 2020 2021 olivat erilaisia.',
		'Hyllyluokka 84.2 ja 99.1 ovat sekaisin.',
		'Kortti toimi hyvin, kiitos.'
	])('keeps %j', (text) => {
		expect(masked(text)).toBe(text);
		expect(findPersonalData(text)).toEqual([]);
	});
});

describe('masking in the reader language', () => {
	it('uses Finnish and Swedish words', () => {
		expect(maskPersonalData('a@b.fi 040 123 4567 20112345678', 'fi')).toBe('[sähköposti] [puhelinnumero] [numero]');
		expect(maskPersonalData('a@b.fi 040 123 4567 20112345678', 'sv')).toBe('[e-post] [telefonnummer] [nummer]');
	});

	it('strips personal data for analysis without leaving words behind', () => {
		expect(stripPersonalData('Soita 040 123 4567 tai a@b.fi').trim().split(/\s+/)).toEqual(['Soita', 'tai']);
	});

	it('masks several kinds in one answer, in order', () => {
		const text = 'Olen Maija, maija@example.fi, p. 040 765 4321 ja kortti 20110099887.';
		expect(findPersonalData(text).map((span) => span.kind)).toEqual(['email', 'phone', 'number']);
		expect(masked(text)).toBe('Olen Maija, [e-mail], p. [phone number] ja kortti [number].');
	});
});

describe('every Finnish mobile number, however written', () => {
	const operator = fc.constantFrom('040', '041', '044', '045', '046', '050');
	const subscriber = fc.stringMatching(/^\d{7}$/);
	const layout = fc.constantFrom(
		(o: string, s: string) => `${o} ${s.slice(0, 3)} ${s.slice(3)}`,
		(o: string, s: string) => `${o}${s}`,
		(o: string, s: string) => `${o}-${s}`,
		(o: string, s: string) => `${o}-${s.slice(0, 3)} ${s.slice(3)}`,
		(o: string, s: string) => `+358 ${o.slice(1)} ${s}`,
		(o: string, s: string) => `+358${o.slice(1)}${s}`,
		(o: string, s: string) => `+358 (0)${o.slice(1)} ${s.slice(0, 3)} ${s.slice(3)}`
	);
	const around = fc.constantFrom(['Soita ', ' kiitos.'], ['(', ')'], ['numero: ', ''], ['', ', klo 9-16']);

	it('is masked and leaves none of its digits', () => {
		fc.assert(
			fc.property(operator, subscriber, layout, around, (o, s, write, [before, after]) => {
				const result = maskPersonalData(`${before}${write(o, s)}${after}`, 'fi');
				expect(result).toContain('[puhelinnumero]');
				expect(result).not.toContain(s.slice(0, 3));
				expect(result.replace(/klo 9-16/, '')).not.toMatch(/\d/);
			})
		);
	});
});
