import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { render } from 'svelte/server';
import { arbitraryAnswers } from '#lib/core/instrument/arbitrary-answers.ts';
import { arbitraryInstrument, arbitraryOptionSources } from '#lib/core/instrument/arbitrary-instrument.ts';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import { itemFields } from '#lib/core/instrument/field-names.ts';
import { answerableItems, type Instrument } from '#lib/core/instrument/instrument.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import { answersToFormData } from '#lib/core/instrument/form-values.ts';
import { instrumentTemplates } from '#lib/core/instrument/templates/catalogue.ts';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import type { Language } from '#lib/core/instrument/localized-text.ts';
import SurveyView from './SurveyView.svelte';
import type { FormValues } from './form-state.ts';
import type { FormResult, SurveyPageData } from './view-types.ts';

/**
 * The survey page as server-rendered HTML, checked without a browser: the structure screen
 * readers rely on (fieldsets with legends, no tables, unique ids, labelled controls) for every
 * template in every language, and that a form shown again carries exactly the answers it got.
 */
const libraries: OptionSources = { libraries: [{ code: 'metso', label: { fi: 'Metso', sv: 'Metso' } }] };

function pageData(instrument: Instrument, lang: Language, values: FormValues = {}, sources: OptionSources = libraries): SurveyPageData {
	return {
		shell: { lang, organisation: 'Metso', languages: [], privacyHref: '/privacy/s/demo', base: '/s/demo' },
		instrument,
		sources,
		state: 'open',
		submissionId: '3f0c8f7e-2d6a-4d3b-9a51-0f8b6f1b2c11',
		roundId: 7,
		guard: true,
		usesTokens: false,
		token: '',
		tokenMalformed: false,
		answeredBefore: false,
		resumable: true,
		values,
		opensAt: null
	};
}

function renderPage(data: SurveyPageData, form: FormResult | null = null): string {
	return render(SurveyView, { props: { data, form } }).body;
}

const decode = (text: string) =>
	text.replace(/&(#\d+|quot|lt|gt|amp|#x[0-9a-f]+);/gi, (entity, code: string) => {
		if (code === 'quot') return '"';
		if (code === 'lt') return '<';
		if (code === 'gt') return '>';
		if (code === 'amp') return '&';
		return String.fromCodePoint(code.startsWith('#x') ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
	});

function attributes(tag: string): Record<string, string> {
	const found: Record<string, string> = {};
	for (const match of tag.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)) found[match[1]!] = decode(match[2] ?? '');
	return found;
}

/** What the rendered form would post for its answer fields, as a browser builds the form data set. */
function postedValues(html: string): Record<string, string | string[]> {
	const posted: Record<string, string | string[]> = {};
	const add = (name: string, value: string) => {
		if (!name.startsWith('q.')) return;
		const existing = posted[name];
		posted[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	};
	for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
		const a = attributes(tag);
		if ('disabled' in a) continue;
		if (a.type === 'radio' || a.type === 'checkbox') {
			if ('checked' in a) add(a.name!, a.value ?? 'on');
		} else add(a.name!, a.value ?? '');
	}
	for (const [, open, content] of html.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attributes(open!).name!, decode(content!));
	for (const [, open, options] of html.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
		const selected = [...options!.matchAll(/<option\b[^>]*>/g)].map(([tag]) => attributes(tag)).find((option) => 'selected' in option);
		add(attributes(open!).name!, selected?.value ?? '');
	}
	return posted;
}

describe('SurveyView', () => {
	describe.each(instrumentTemplates.map((template) => [template.key, template.build()] as const))('the %s template', (_key, instrument) => {
		it.each(['fi', 'sv', 'en'] as const)('renders every field in %s with fieldsets, legends and unique ids, without tables', (lang) => {
			const html = renderPage(pageData(instrument, lang));
			expect(html).not.toMatch(/<table/);
			expect(html.match(/<fieldset\b/g)?.length ?? 0).toBe(html.match(/<legend\b/g)?.length ?? 0);
			const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
			expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
			for (const item of answerableItems(instrument)) {
				for (const { name } of itemFields(item)) expect(html, `${item.id}: ${name}`).toContain(`name="${name}"`);
				// Error summaries link to the first input of a field: required fields carry its id.
				if (item.required) expect(html).toContain(`id="${itemFields(item)[0]!.name}"`);
			}
			const title = instrument.title[lang]!;
			expect(html).toContain(`<h1>${title}</h1>`);
			expect(html).toContain('name="submissionId" value="3f0c8f7e-2d6a-4d3b-9a51-0f8b6f1b2c11"');
		});
	});

	it('shows a form again with exactly the answers it was given', () => {
		fc.assert(
			fc.property(
				arbitraryInstrument().chain((instrument) => fc.tuple(fc.constant(instrument), arbitraryAnswers(instrument))),
				([instrument, answers]) => {
					const values = answersToFormData(instrument, answers);
					const html = renderPage(pageData(instrument, 'fi', values, arbitraryOptionSources));
					const again = checkSubmission(instrument, postedValues(html), { locale: 'fi', optionSources: arbitraryOptionSources });
					expect(again.ok).toBe(true);
					expect(again.answers).toEqual(answers);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('returns a refused form with the summary linked to the fields and each field described by its error', () => {
		const instrument = newInstrument([newItem.rating('service', { required: true }), newItem.longText('comment', { maxLength: 5 })]);
		const raw = { 'q.comment': 'liian pitkä' };
		const checked = checkSubmission(instrument, raw, { locale: 'fi' });
		if (checked.ok) throw new Error('expected issues');
		const html = renderPage(pageData(instrument, 'fi'), { values: raw, issues: checked.issues, submissionId: 'a1b2c3d4-0000-4000-8000-000000000000' });
		expect(html).toMatch(/<div class="error-summary" tabindex="-1" autofocus/);
		expect(html).toContain('<a href="#q.service">');
		expect(html).toContain('<a href="#q.comment">');
		expect(html).toMatch(/<fieldset class="q bad"[^>]*aria-describedby="err-q.service"/);
		expect(html).toMatch(/<textarea name="q.comment"[^>]*aria-invalid="true"[^>]*aria-describedby="hint-q.comment err-q.comment">liian pitkä<\/textarea>/);
		// The same submission id goes back with the form, so a corrected resend is still one response.
		expect(html).toContain('value="a1b2c3d4-0000-4000-8000-000000000000"');
	});

	it('shows a conditional item without JavaScript with a sentence saying when to answer it', () => {
		const instrument = newInstrument([
			newItem.singleChoice('visited', ['yes', 'no']),
			newItem.rating('visit', { showIf: { equals: ['visited', 'yes'] } })
		]);
		const html = renderPage(pageData(instrument, 'fi'));
		expect(html).toContain('data-if="{&quot;equals&quot;:[&quot;visited&quot;,&quot;yes&quot;]}"');
		expect(html).toContain('<p class="hint cond">Vastaa vain, jos valitsit kysymyksessä ”Kysymys visited” vaihtoehdon ”yes”.</p>');
	});
});
