import { describe, expect, it } from 'vitest';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import { customerPromisePulse } from '#lib/core/instrument/templates/customer-promise-pulse.ts';
import { customerServiceSurvey } from '#lib/core/instrument/templates/customer-service-survey.ts';
import { staffSurvey2018 } from '#lib/core/instrument/templates/staff-survey-2018.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import {
	customerSubmissionIds,
	customerVolumes,
	demoResponseCollectors,
	generateCustomerResponses,
	generatePulseResponses,
	pulseSubmissionIds,
	smallLibrary,
	type DemoSubmission
} from './demo-responses.ts';
import { generateStaffResponses, staffSubmissionIds } from './demo-staff-responses.ts';

const libraryCodes = [...customerVolumes.map((volume) => volume.library), 'tampere-linnainmaa', 'kotka-langinkoski'];
const options: OptionSources = { libraries: libraryCodes.map((code) => ({ code, label: { fi: code } })) };
const rounds = [
	{ key: '2025', window: { from: '2025-09-08', to: '2025-10-26' } },
	{ key: '2026', window: { from: '2026-01-15', to: '2026-03-31' } }
];
const customer = generateCustomerResponses(rounds, libraryCodes);
const pulse = generatePulseResponses({ key: '2026', window: { from: '2026-04-06', to: '2026-05-31' } }, 340);
const staff = generateStaffResponses({ key: '2026', window: { from: '2026-01-31', to: '2026-03-17' } }, 80, 52);

const value = (submission: DemoSubmission, item: string) => submission.values[`q.${item}`];
const channelOf = new Map(demoResponseCollectors().map((collector) => [`${collector.mode}/${collector.slug}`, collector]));

/** Mean and top-2-box share (4–5 of 1–5) of a statement over the submissions, N/A and blanks left out. */
function summary(submissions: readonly DemoSubmission[], item: string): { mean: number; top2: number; n: number } {
	const scores = submissions.map((submission) => value(submission, item)).filter((v): v is string => typeof v === 'string' && v !== 'na').map(Number);
	return { mean: scores.reduce((a, b) => a + b, 0) / scores.length, top2: scores.filter((score) => score >= 4).length / scores.length, n: scores.length };
}

describe('demo response generator', () => {
	it('gives the same responses for the same inputs, with ids known without generating', () => {
		expect(generateCustomerResponses(rounds, libraryCodes)).toEqual(customer);
		expect(generatePulseResponses({ key: '2026', window: { from: '2026-04-06', to: '2026-05-31' } }, 340)).toEqual(pulse);
		expect(customer.map((submission) => submission.submissionId)).toEqual(customerSubmissionIds(['2025', '2026']));
		expect(pulse.map((submission) => submission.submissionId)).toEqual(pulseSubmissionIds('2026', 340));
		expect(staff.submissions.map((submission) => submission.submissionId)).toEqual(staffSubmissionIds('2026', 52));
		const ids = [...customer, ...pulse, ...staff.submissions].map((submission) => submission.submissionId);
		expect(new Set(ids).size).toBe(ids.length);
		// Another round key is another stream: other ids and other answers.
		const other = generateCustomerResponses([{ key: '2024', window: rounds[0]!.window }, rounds[1]!], libraryCodes);
		expect(other[0]!.submissionId).not.toBe(customer[0]!.submissionId);
	});

	it('makes submissions that pass each instrument’s submission checker', () => {
		const check = (instrument: ReturnType<typeof customerServiceSurvey>, submissions: readonly DemoSubmission[], sources: OptionSources) =>
			submissions.filter((submission) => !checkSubmission(instrument, submission.values, { locale: submission.language, optionSources: sources }).ok);
		expect(check(customerServiceSurvey(), customer, options)).toEqual([]);
		expect(check(customerPromisePulse(), pulse, {})).toEqual([]);
		expect(check(staffSurvey2018(), staff.submissions, options)).toEqual([]);
	});

	it('has over two thousand customer responses over the demo libraries of PiKe and Kyyti, in the rounds’ windows', () => {
		expect(customer.length).toBeGreaterThan(2000);
		expect(new Set(customer.map((submission) => submission.roundKey))).toEqual(new Set(['2025', '2026']));
		for (const submission of customer) {
			const window = rounds.find((round) => round.key === submission.roundKey)!.window;
			expect(submission.submittedAt >= new Date(`${window.from}T00:00:00+03:00`) && submission.submittedAt <= new Date(`${window.to}T23:59:59+02:00`)).toBe(true);
		}
		const channels = new Set(customer.map((submission) => channelOf.get(`${submission.collector.mode}/${submission.collector.slug}`)!.channel));
		expect([...channels].sort()).toEqual(['kiosk', 'link', 'paper', 'qr', 'web']);
		const languages = new Set(customer.map((submission) => submission.language));
		expect([...languages].sort()).toEqual(['en', 'fi', 'sv']);
	});

	it('shows proactive service and expertise improving from the earlier round to the later', () => {
		const [earlier, later] = ['2025', '2026'].map((key) => customer.filter((submission) => submission.roundKey === key));
		for (const item of ['proactivity', 'expertise']) {
			expect(summary(later!, item).mean - summary(earlier!, item).mean).toBeGreaterThan(0.2);
			expect(summary(later!, item).top2 - summary(earlier!, item).top2).toBeGreaterThan(0.08);
		}
		// Friendliness stays where it was.
		expect(Math.abs(summary(later!, 'friendliness').mean - summary(earlier!, 'friendliness').mean)).toBeLessThan(0.1);
	});

	it('has 15–29-year-olds rating friendliness and expertise lower than those over 45', () => {
		const young = customer.filter((submission) => value(submission, 'age_band') === '15-29');
		const older = customer.filter((submission) => ['45-64', '65-plus'].includes(value(submission, 'age_band') as string));
		for (const item of ['friendliness', 'expertise']) {
			expect(summary(older, item).mean - summary(young, item).mean).toBeGreaterThan(0.3);
			expect(summary(older, item).top2 - summary(young, item).top2).toBeGreaterThan(0.1);
		}
		// Large enough in the director's main library for the gap to be tested there too.
		const metso = new Set(customerVolumes.find((volume) => volume.library === 'tampere-metso')!.via.map((via) => `${via.mode}/${via.slug}`));
		const metsoYoung = young.filter((submission) => submission.roundKey === '2026' && metso.has(`${submission.collector.mode}/${submission.collector.slug}`));
		expect(metsoYoung.length).toBeGreaterThan(30);
	});

	it('keeps every segment group of the small library under five while its total is above it', () => {
		const slugs = new Set(customerVolumes.find((volume) => volume.library === smallLibrary)!.via.map((via) => via.slug));
		for (const round of ['2025', '2026']) {
			const responses = customer.filter((submission) => submission.roundKey === round && slugs.has(submission.collector.slug));
			expect(responses.length).toBeGreaterThanOrEqual(5);
			for (const segment of ['age_band', 'education', 'life_situation']) {
				const groups = new Map<string, number>();
				for (const submission of responses) {
					const code = value(submission, segment);
					if (typeof code === 'string') groups.set(code, (groups.get(code) ?? 0) + 1);
				}
				expect(Math.max(...groups.values())).toBeLessThan(5);
			}
		}
	});

	it('writes open text on recurring themes, in inflected Finnish and some Swedish and English, a few with contacts', () => {
		const texts = customer.flatMap((submission) => (typeof value(submission, 'develop') === 'string' ? [{ language: submission.language, text: value(submission, 'develop') as string }] : []));
		const finnish = texts.filter((entry) => entry.language === 'fi').map((entry) => entry.text);
		const themes: Record<string, RegExp> = {
			opening_hours: /aukiolo|auki\b/i,
			friendly_staff: /ystävälli/i,
			self_service: /automaat|itsepalvelu/i,
			children_events: /lasten|lapsille|satutun|lorutun|perhetapaht/i,
			quiet_space: /hiljai|rauhallis|meluisa/i,
			e_books: /e-kirj|äänikirj|e-aineist/i
		};
		for (const [theme, pattern] of Object.entries(themes)) expect(finnish.filter((text) => pattern.test(text)).length, theme).toBeGreaterThan(40);
		// The same theme in several inflected forms, as people write.
		const forms = new Set(finnish.flatMap((text) => text.match(/aukioloa\w*/gi) ?? []).map((form) => form.toLowerCase()));
		expect(forms.size).toBeGreaterThanOrEqual(3);
		expect(texts.filter((entry) => entry.language === 'sv').length).toBeGreaterThan(10);
		expect(texts.filter((entry) => entry.language === 'en').length).toBeGreaterThan(10);
		expect(texts.filter((entry) => /[\w.]+@example\.(fi|com|net|se)/.test(entry.text)).length).toBeGreaterThanOrEqual(3);
		expect(texts.filter((entry) => /\b0[45]0 \d{3} \d{4}\b|\+358 \d{2} \d{3} \d{4}/.test(entry.text)).length).toBeGreaterThanOrEqual(3);
	});

	it('spreads the pulse over weeks and hours of the day', () => {
		expect(pulse).toHaveLength(340);
		const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: 'numeric', hourCycle: 'h23' });
		expect(new Set(pulse.map((submission) => hour.format(submission.submittedAt))).size).toBeGreaterThanOrEqual(8);
		const days = pulse.map((submission) => submission.submittedAt.getTime());
		expect((Math.max(...days) - Math.min(...days)) / 86_400_000).toBeGreaterThan(35);
		const scores = new Set(pulse.map((submission) => value(submission, 'satisfaction')));
		expect([...scores].sort()).toEqual(['1', '2', '3', '4']);
	});

	it('answers the staff survey with some of the issued tokens, each used once', () => {
		expect(staff.tokens).toHaveLength(80);
		expect(new Set(staff.tokens.map((token) => token.code)).size).toBe(80);
		const used = staff.tokens.filter((token) => token.usedBy !== undefined);
		expect(used.map((token) => token.usedBy)).toEqual(staff.submissions.map((submission) => submission.submissionId));
	});
});
