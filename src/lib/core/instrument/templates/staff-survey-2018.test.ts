import { describe, expect, it } from 'vitest';
import { findItem } from '../instrument.ts';
import type { ItemOf } from '../items.ts';
import { scalePointCount, scaleValues } from '../scale.ts';
import { staffSurvey2018 } from './staff-survey-2018.ts';
import { staffSurvey2018Reference } from './staff-survey-2018.reference.ts';

function matrix(id: string): ItemOf<'matrix'> {
	const item = findItem(staffSurvey2018(), id);
	if (item?.kind !== 'matrix') throw new Error(`no matrix ${id}`);
	return item;
}

describe('staff survey 2018 as published (source 001)', () => {
	it('lists the ten tools in the published order with the published three-point scale', () => {
		const tools = matrix('tools');
		expect(tools.rows.map((row) => row.text.fi)).toEqual([
			'Kirjastojärjestelmä',
			'Tietokone',
			'Sähköposti',
			'Verkkokirjasto',
			'Ajanvarausohjelma',
			'Tietokannat',
			'Älypuhelin',
			'Painetut lähteet',
			'Somekanavat',
			'Tabletti'
		]);
		expect(tools.scale.pointLabels?.map((label) => label.fi)).toEqual([
			'Käytän päivittäin tai useita kertoja viikossa',
			'Käytän viikoittain tai harvemmin',
			'En käytä koskaan'
		]);
	});

	it('rates the five identification items on five points labelled at the ends', () => {
		const identification = matrix('identification');
		expect(identification.rows.map((row) => row.text.fi)).toEqual([
			'Olkalaukku, tabletti- tai läppärilaukku',
			'Työasu',
			'Työasuste',
			'Kaulanauha',
			'Nimikyltti'
		]);
		expect(scalePointCount(identification.scale)).toBe(5);
		expect([identification.scale.lowLabel?.fi, identification.scale.highLabel?.fi]).toEqual(['Ei ollenkaan tärkeä', 'Hyvin tärkeä']);
	});

	it('asks how well the eight active-service practices are realised', () => {
		const active = matrix('active_service');
		expect(active.rows).toHaveLength(8);
		expect(active.rows[0]!.text.fi).toBe('Jalkaudumme aktiivisesti kirjastotilaan');
		expect(active.rows[7]!.text.fi).toBe('Hoidamme asiakaspalvelutilanteet aina loppuun asti');
		expect([active.scale.lowLabel?.fi, active.scale.highLabel?.fi]).toEqual(['Paljon parannettavaa', 'Toteutuu hyvin']);
	});

	it('has the reference figures keyed on the template’s rows and scale values', () => {
		const tools = matrix('tools');
		expect(Object.keys(staffSurvey2018Reference.tools)).toEqual(tools.rows.map((row) => row.id));
		for (const shares of Object.values(staffSurvey2018Reference.tools)) {
			expect(Object.keys(shares).map(Number)).toEqual(scaleValues(tools.scale));
			const total = Object.values(shares).reduce((sum: number, share: number) => sum + share, 0);
			expect(total).toBeGreaterThanOrEqual(99);
			expect(total).toBeLessThanOrEqual(101);
		}
		const gender = findItem(staffSurvey2018(), 'gender');
		expect(gender?.kind === 'single_choice' && gender.options?.map((option) => option.code)).toEqual(Object.keys(staffSurvey2018Reference.gender));
		expect(staffSurvey2018Reference.respondents).toBe(244);
	});
});
