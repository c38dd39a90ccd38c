import { describe, expect, it } from 'vitest';
import { checkSubmission } from '../check-submission.ts';
import { placedItems } from '../instrument.ts';
import { missingTranslations } from '../texts.ts';
import { validateInstrument } from '../validate.ts';
import { qualityDimensions } from '../vocabulary.ts';
import { instrumentTemplates } from './catalogue.ts';
import { customerPromisePulse } from './customer-promise-pulse.ts';
import { customerServiceSurvey } from './customer-service-survey.ts';
import { trainingDayFeedback } from './training-day-feedback.ts';

describe.each(instrumentTemplates.map((template) => [template.key, template] as const))('template %s', (_key, template) => {
	it('passes validateInstrument', () => {
		const result = validateInstrument(template.build());
		expect(result.ok ? [] : result.issues).toEqual([]);
	});

	it('has Finnish wording with Swedish and English translations everywhere', () => {
		expect(missingTranslations(template.build(), ['fi', 'sv', 'en'])).toEqual([]);
	});

	it('says where the wording of every item comes from', () => {
		const unsourced = placedItems(template.build()).filter(({ item }) => !item.source);
		expect(unsourced.map(({ item }) => item.id)).toEqual([]);
	});

	it('builds a fresh copy each time, so editing one never changes the template', () => {
		const first = template.build();
		first.sections[0]!.items.pop();
		expect(template.build()).not.toEqual(first);
	});
});

describe('customer-service survey', () => {
	it('tags the service statements with known quality dimensions', () => {
		const tags = placedItems(customerServiceSurvey()).flatMap(({ item }) => ('tags' in item ? (item.tags ?? []) : []));
		expect(tags).toEqual(expect.arrayContaining(['friendliness', 'courtesy', 'positivity', 'approachability', 'expertise', 'proactivity', 'digital_services']));
		for (const tag of tags) expect(Object.keys(qualityDimensions)).toContain(tag);
	});

	it('copies age band, education, life situation and home library onto the response', () => {
		const libraries = [{ code: 'metso', label: { fi: 'Metso' } }];
		const result = checkSubmission(
			customerServiceSurvey(),
			{ 'q.age_band': '15-29', 'q.education': 'higher', 'q.life_situation': 'student', 'q.home_library': 'metso', 'q.friendliness': '5' },
			{ locale: 'fi', optionSources: { libraries } }
		);
		expect(result.ok && result.segments).toEqual({ age_band: '15-29', education: 'higher', life_situation: 'student', home_library: 'metso' });
	});

	it('asks about digital service only of those who used a digital channel', () => {
		const instrument = customerServiceSurvey();
		const desk = checkSubmission(instrument, { 'q.channels': 'library_visit', 'q.digital_services': '2' }, { locale: 'fi' });
		const chat = checkSubmission(instrument, { 'q.channels': ['library_visit', 'chat'], 'q.digital_services': '2' }, { locale: 'fi' });
		expect(desk.answers.digital_services).toBeUndefined();
		expect(chat.answers.digital_services).toEqual({ kind: 'rating', value: 2 });
	});
});

describe('training-day feedback', () => {
	it('asks the two questions of source 002 and a whole school grade', () => {
		const items = placedItems(trainingDayFeedback()).map(({ item }) => item);
		expect(items.map((item) => [item.kind, item.text.fi])).toEqual([
			['school_grade', 'Minkä kouluarvosanan (4–10) antaisit valmennuspäivälle?'],
			['long_text', 'Mitä ajatuksia ja tunnelmia valmennusohjelman päivä herätti sinussa?'],
			['long_text', 'Mitä konkreettista jäi valmennuspäivästä sinulle käteen? Mitä asioita viet omaan työpaikkaan?']
		]);
		expect(checkSubmission(trainingDayFeedback(), { 'q.overall_grade': '8½' }, { locale: 'fi' }).ok).toBe(false);
	});
});

describe('customer-promise pulse', () => {
	it('shows the promise statements a coordinator gives', () => {
		const own = [{ fi: 'Tervehdimme jokaista.', sv: 'Vi hälsar på alla.', en: 'We greet everyone.' }];
		const promise = placedItems(customerPromisePulse(own)).find(({ item }) => item.id === 'promise')!.item;
		expect(promise.kind === 'info' && promise.list).toEqual(own);
		expect(validateInstrument(customerPromisePulse(own)).ok).toBe(true);
	});

	it('needs one tap and asks the follow-up only after it', () => {
		const instrument = customerPromisePulse();
		expect(checkSubmission(instrument, { 'q.satisfaction': '4' }, { locale: 'sv' }).ok).toBe(true);
		const blank = checkSubmission(instrument, { 'q.topic': 'service' }, { locale: 'fi' });
		expect(blank.ok ? [] : blank.issues.map((issue) => issue.code)).toEqual(['required']);
		expect(blank.answers.topic).toBeUndefined();
	});
});
