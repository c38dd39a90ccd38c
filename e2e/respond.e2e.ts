import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { render } from 'svelte/server';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import { m } from '#lib/paraglide/messages.js';
import SurveyView from '#lib/components/respond/SurveyView.svelte';
import { baseUrl, expectNoAxeViolations, launchBrowser, newContext } from './browser.ts';
import { answerByKeyboard, focusedElement, isStored, issueStaffTokens, locales, responseTotal, say, submissionIdOf, trainingFeedbackCollector, type Locale } from './respond-support.ts';

/**
 * The respondent's pages in a real browser: the demo collectors `/s/demo` (customer-service
 * survey), `/s/demo-staff` (staff survey with one-time codes) and the privacy notice, with and
 * without JavaScript, by keyboard, in fi, sv and en, at 320 px. Kiosk and pulse: kiosk.e2e.ts.
 */
const statements = ['friendliness', 'courtesy', 'positivity', 'approachability', 'expertise', 'proactivity', 'future_use'];

async function fillCustomerSurvey(page: Page, locale: Locale): Promise<void> {
	await page.check('input[name="q.channels"][value="library_visit"]');
	await page.check('input[name="q.channels"][value="web_library"]');
	for (const [index, id] of statements.entries()) await page.check(`input[name="q.${id}"][value="${(index % 5) + 1}"]`);
	await page.check('input[name="q.digital_services"][value="na"]');
	await page.fill('textarea[name="q.develop"]', `Aukioloajat (${locale})`);
	await page.check('input[name="q.age_band"][value="30-44"]');
	await page.check('input[name="q.education"][value="higher"]');
	await page.check('input[name="q.life_situation"][value="working"]');
	await page.selectOption('select[name="q.home_library"]', 'tampere-metso');
}

async function send(page: Page, locale: Locale, thanks: RegExp): Promise<void> {
	await Promise.all([page.waitForURL(thanks), page.getByRole('button', { name: say(m.respond_submit, locale), exact: true }).click()]);
}

describe('respondent pages', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it.each(locales)('answers the customer-service survey in %s without JavaScript, thanks after storing it, then remembers it', async (locale) => {
		const context = await newContext(browser, { locale, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/s/demo?lang=${locale}`);
		expect(await page.getAttribute('html', 'lang')).toBe(locale);
		// No SvelteKit client and no staff layout: the page's own frame, one script of its own.
		expect(await page.locator('script').count()).toBe(1);
		expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
		expect(await page.locator('header nav a, header nav button').count()).toBe(3);
		// Without JavaScript a conditional question shows, saying when to answer it.
		const conditional = page.locator('fieldset:has(input[name="q.digital_services"])');
		expect(await conditional.isVisible()).toBe(true);
		expect(await conditional.locator('.cond').isVisible()).toBe(true);

		const id = await submissionIdOf(page);
		await fillCustomerSurvey(page, locale);
		await send(page, locale, /\/s\/demo\/thanks/);
		expect(await page.locator('h1').textContent()).toBe(say(m.respond_thanks_title, locale));
		expect(await isStored({ mode: 'survey', slug: 'demo' }, id)).toBe(true);

		// The soft repeat guard: this browser answered this round.
		await page.goto('/s/demo');
		const notice = page.locator('.notice', { hasText: say(m.respond_answered_before, locale) });
		expect(await notice.isVisible()).toBe(true);
		await notice.getByRole('link').click();
		expect(await page.locator('.notice').count()).toBe(0);
		expect(await page.locator('#f').isVisible()).toBe(true);
		await context.close();
	});

	it('answers the customer-service survey with the keyboard only, on a 320 px phone, with show-if live', async () => {
		const context = await newContext(browser, { locale: 'en', viewport: { width: 320, height: 640 } });
		const page = await context.newPage();
		await page.goto('/s/demo?lang=en');
		const conditional = page.locator('fieldset:has(input[name="q.digital_services"])');
		expect(await conditional.isHidden()).toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		const id = await submissionIdOf(page);
		await answerByKeyboard(page, 'en', ['web_library']);
		await page.waitForURL(/\/s\/demo\/thanks/);
		expect(await isStored({ mode: 'survey', slug: 'demo' }, id)).toBe(true);
		await context.close();
	});

	it('shows and hides a conditional question as the answers change, with JavaScript', async () => {
		const context = await newContext(browser, { locale: 'fi' });
		const page = await context.newPage();
		await page.goto('/s/demo?lang=fi');
		const conditional = page.locator('fieldset:has(input[name="q.digital_services"])');
		expect(await conditional.isHidden()).toBe(true);
		await page.check('input[name="q.channels"][value="chat"]');
		expect(await conditional.isVisible()).toBe(true);
		expect(await conditional.locator('.cond').isHidden()).toBe(true);
		await page.uncheck('input[name="q.channels"][value="chat"]');
		expect(await conditional.isHidden()).toBe(true);
		await context.close();
	});

	it('stores one response for a double click and for a resend of the same form', async () => {
		const before = await responseTotal(browser, 'demo-customer');
		const context = await newContext(browser, { locale: 'fi' });
		const page = await context.newPage();
		await page.goto('/s/demo?lang=fi');
		const id = await submissionIdOf(page);
		await page.check('input[name="q.friendliness"][value="5"]');
		await Promise.all([page.waitForURL(/\/s\/demo\/thanks/), page.getByRole('button', { name: say(m.respond_submit, 'fi'), exact: true }).dblclick()]);
		// A retry of the same form (a flaky connection, the back button): the thank-you again.
		const retry = await page.request.post('/s/demo?/submit', {
			form: { submissionId: id, language: 'fi', 'q.friendliness': '5' },
			headers: { origin: baseUrl(), accept: 'text/html' },
			maxRedirects: 0
		});
		expect(retry.status()).toBe(303);
		expect(retry.headers().location).toBe('/s/demo/thanks?lang=fi');
		expect(await responseTotal(browser, 'demo-customer')).toBe(before + 1);
		await context.close();
	});

	it('returns bad input with every answer and the error summary focused, with and without JavaScript', async () => {
		for (const javaScriptEnabled of [false, true]) {
			const context = await newContext(browser, { locale: 'sv', javaScriptEnabled });
			const page = await context.newPage();
			await page.goto('/s/demo?lang=sv');
			const id = await submissionIdOf(page);
			await page.check('input[name="q.courtesy"][value="2"]');
			// An old browser that ignores maxlength: the server's limit answers.
			await page.locator('textarea[name="q.develop"]').evaluate((el) => el.removeAttribute('maxlength'));
			await page.fill('textarea[name="q.develop"]', 'x'.repeat(2001));
			await send(page, 'sv', /\/s\/demo\?\/submit/);
			expect(await page.title()).toMatch(new RegExp(`^${say(m.respond_error_prefix, 'sv')}`));
			expect(await focusedElement(page)).toMatchObject({ className: 'error-summary' });
			const link = page.locator('.error-summary a');
			expect(await link.getAttribute('href')).toBe('#q.develop');
			const field = page.locator('textarea[name="q.develop"]');
			expect(await field.getAttribute('aria-invalid')).toBe('true');
			expect(await field.getAttribute('aria-describedby')).toContain('err-q.develop');
			expect((await field.inputValue()).length).toBe(2001);
			expect(await page.isChecked('input[name="q.courtesy"][value="2"]')).toBe(true);
			expect(await submissionIdOf(page)).toBe(id);
			await link.click();
			expect(await focusedElement(page)).toMatchObject({ id: 'q.develop' });
			await expectNoAxeViolationsIf(javaScriptEnabled, page);
			await context.close();
		}
	});

	it('switches language without JavaScript and keeps the answers', async () => {
		const context = await newContext(browser, { locale: 'fi', javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/s/demo?lang=fi');
		const id = await submissionIdOf(page);
		await page.check('input[name="q.positivity"][value="4"]');
		await page.fill('textarea[name="q.develop"]', 'Pidempi aukiolo');
		await Promise.all([page.waitForURL(/\?\/lang/), page.click('header button[value="sv"]')]);
		expect(await page.getAttribute('html', 'lang')).toBe('sv');
		expect(await page.locator('h1').textContent()).toBe('Enkät om bibliotekets kundservice');
		expect(await page.isChecked('input[name="q.positivity"][value="4"]')).toBe(true);
		expect(await page.inputValue('textarea[name="q.develop"]')).toBe('Pidempi aukiolo');
		expect(await submissionIdOf(page)).toBe(id);
		expect((await context.cookies()).find((cookie) => cookie.name === 'aspa_lang')?.value).toBe('sv');
		await context.close();
	});

	it('saves half an answer under a code and resumes it on another device', async () => {
		const first = await newContext(browser, { locale: 'fi', javaScriptEnabled: false });
		const page = await first.newPage();
		await page.goto('/s/demo?lang=fi');
		await page.check('input[name="q.expertise"][value="3"]');
		await page.check('input[name="q.channels"][value="phone"]');
		await Promise.all([page.waitForURL(/\?\/save/), page.getByRole('button', { name: say(m.respond_save, 'fi') }).click()]);
		const code = (await page.locator('.notice .code').textContent()) ?? '';
		expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		await first.close();

		const second = await newContext(browser, { locale: 'fi' });
		const other = await second.newPage();
		await other.goto('/s/demo/resume?lang=fi');
		await other.fill('#code', code.toLowerCase());
		await Promise.all([other.waitForLoadState('load'), other.getByRole('button', { name: say(m.respond_continue, 'fi') }).click()]);
		expect(await other.isChecked('input[name="q.expertise"][value="3"]')).toBe(true);
		expect(await other.isChecked('input[name="q.channels"][value="phone"]')).toBe(true);
		await send(other, 'fi', /\/s\/demo\/thanks/);
		// Sent answers are no longer kept under the code.
		await other.goto('/s/demo/resume?lang=fi');
		await other.fill('#code', code);
		await Promise.all([other.waitForLoadState('load'), other.getByRole('button', { name: say(m.respond_continue, 'fi') }).click()]);
		expect(await other.locator('.error-summary').textContent()).toContain(say(m.respond_problem_resume_code_invalid, 'fi'));
		await second.close();
	});

	describe('the staff survey with one-time codes', () => {
		let tokens: string[];
		beforeAll(async () => {
			tokens = await issueStaffTokens(browser, 4);
		});

		it.each(locales.map((locale, index) => [locale, index] as const))('is answered in %s with a code typed into the entry form', async (locale, index) => {
			const context = await newContext(browser, { locale, javaScriptEnabled: locale !== 'sv' });
			const page = await context.newPage();
			await page.goto(`/s/demo-staff?lang=${locale}`);
			expect(await page.locator('#f').count()).toBe(0);
			// Codes are forgiving: lower case and spaces work.
			await page.fill('#t', tokens[index]!.toLowerCase().replaceAll('-', ' '));
			await Promise.all([page.waitForURL(/\?(.*&)?t=/), page.getByRole('button', { name: say(m.respond_continue, locale) }).click()]);
			const id = await submissionIdOf(page);
			// Matrix rows are fieldsets with their own legend inside the question's fieldset.
			const firstRow = page.locator('fieldset.q fieldset').first();
			expect(await firstRow.locator('legend').textContent()).toMatch(/\S/);
			await firstRow.locator('input[type="radio"]').first().check();
			await page.locator('textarea').first().fill(`Hyvä palvelu (${locale})`);
			await send(page, locale, /\/s\/demo-staff\/thanks/);
			expect(await isStored({ mode: 'survey', slug: 'demo-staff' }, id, { token: tokens[index]! })).toBe(true);
			await context.close();
		});

		it('refuses an unknown and a used code with the answers kept, and takes a corrected one', async () => {
			const context = await newContext(browser, { locale: 'fi', javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto('/s/demo-staff?lang=fi&t=ABCD-EFGH-JKMN');
			await page.locator('textarea').first().fill('Säilyy');
			await send(page, 'fi', /\?\/submit/);
			expect(await focusedElement(page)).toMatchObject({ className: 'error-summary' });
			expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#token');
			expect(await page.getAttribute('#token', 'aria-invalid')).toBe('true');
			expect(await page.locator('textarea').first().inputValue()).toBe('Säilyy');

			await page.fill('#token', tokens[0]!);
			await send(page, 'fi', /\?\/submit/);
			expect(await page.locator('#err-token').textContent()).toBe(say(m.respond_problem_token_used, 'fi'));

			await page.fill('#token', tokens[3]!);
			await send(page, 'fi', /\/s\/demo-staff\/thanks/);
			await context.close();
		});
	});

	describe('the training-day feedback, from a collector made on the staff pages', () => {
		let slug: string;
		beforeAll(async () => {
			slug = await trainingFeedbackCollector(browser);
		});

		it.each(locales)('is answered in %s, the school grade as a row of radios', async (locale) => {
			const context = await newContext(browser, { locale, javaScriptEnabled: locale !== 'en', viewport: { width: 320, height: 640 } });
			const page = await context.newPage();
			await page.goto(`/s/${slug}?lang=${locale}`);
			expect(await page.getAttribute('html', 'lang')).toBe(locale);
			const id = await submissionIdOf(page);
			expect(await page.locator('input[name="q.overall_grade"]').count()).toBe(7);
			await page.check('input[name="q.overall_grade"][value="9"]');
			await page.fill('textarea[name="q.thoughts_and_feelings"]', `Innostava päivä (${locale})`);
			await page.fill('textarea[name="q.takeaways"]', 'Aktiivinen palvelu');
			await expectNoAxeViolationsIf(locale !== 'en', page);
			await send(page, locale, new RegExp(`/s/${slug}/thanks`));
			expect(await isStored({ mode: 'survey', slug }, id)).toBe(true);
			await context.close();
		});
	});

	it('renders every item kind accessibly at 320 px and checks required answers at once', async () => {
		// The demo instruments do not use every kind: render one that does, with the page's own
		// script, into a page of the running server.
		const instrument = newInstrument([
			newItem.info('intro', { list: [{ fi: 'Yksi' }, { fi: 'Kaksi' }] }),
			newItem.singleChoice('visited', ['yes', 'no'], { required: true, other: { label: { fi: 'Muu, mikä?' } } }),
			newItem.singleChoice('branch', ['a', 'b'], { display: 'dropdown' }),
			newItem.multipleChoice('channels', ['web', 'desk'], { maxSelections: 2 }),
			newItem.rating('service', { allowNa: true, showIf: { equals: ['visited', 'yes'] } }),
			newItem.matrix('staff', ['friendly', 'expert'], { required: true }),
			newItem.importancePerformance('signs'),
			newItem.libqual('space', { allowNa: true }),
			newItem.nps('recommend'),
			newItem.schoolGrade('grade'),
			newItem.happyIndex('mood'),
			newItem.checklist('tidy', { allowNa: true }),
			newItem.number('visits', { min: 0, max: 365, integer: true, unit: { fi: 'kertaa' } }),
			newItem.date('when', { min: '2026-01-01' }),
			newItem.shortText('name'),
			newItem.longText('comment', { maxLength: 500 })
		]);
		const { head, body } = render(SurveyView, {
			props: {
				form: null,
				data: {
					shell: { lang: 'fi', organisation: 'Testikirjasto', languages: [], privacyHref: '/privacy/s/demo', base: '/s/demo' },
					instrument,
					sources: {},
					state: 'open',
					submissionId: '3f0c8f7e-2d6a-4d3b-9a51-0f8b6f1b2c11',
					roundId: null,
					guard: false,
					usesTokens: false,
					token: '',
					tokenMalformed: false,
					answeredBefore: false,
					resumable: false,
					values: {},
					opensAt: null
				}
			}
		});
		const context = await newContext(browser, { locale: 'fi', viewport: { width: 320, height: 640 } });
		const page = await context.newPage();
		await page.goto('/s/demo?lang=fi');
		const script = await page.locator('script[src]').getAttribute('src');
		// Under Vitest `?inline` CSS is empty and the script URL is a development one: use the sources.
		const css = ['respond', 'respond-feedback', 'respond-happy'].map((name) => readFileSync(new URL(`../src/lib/components/respond/${name}.css`, import.meta.url), 'utf8')).join('\n');
		const markup = head.replace(/<style><\/style>/, `<style>${css}</style>`).replace(/<script[^>]*><\/script>/, '');
		await page.setContent(`<!doctype html><html lang="fi"><head><meta name="viewport" content="width=device-width">${markup}</head><body>${body}</body></html>`);
		await page.addScriptTag({ url: script! });
		await page.locator('html.js').waitFor({ state: 'attached' });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await expectNoAxeViolations(page);
		expect(await page.locator('fieldset:has(input[name="q.service"])').isHidden()).toBe(true);

		await page.getByRole('button', { name: say(m.respond_submit, 'fi'), exact: true }).click();
		expect(await focusedElement(page)).toMatchObject({ className: 'error-summary' });
		const links = page.locator('.error-summary a');
		expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual(['#q.visited', '#q.staff.friendly']);
		await expectNoAxeViolations(page);
		await page.check('input[name="q.visited"][value="yes"]');
		expect(await page.locator('fieldset:has(input[name="q.visited"]) .field-error').count()).toBe(0);
		expect(await page.locator('fieldset:has(input[name="q.service"])').isVisible()).toBe(true);
		await context.close();
	});

	it.each(locales)('has no axe-core violations on the respondent pages in %s, at 320 px and on a desktop', async (locale) => {
		for (const viewport of [{ width: 320, height: 640 }, undefined]) {
			const context = await newContext(browser, { locale, ...(viewport ? { viewport } : {}) });
			const page = await context.newPage();
			for (const path of ['/s/demo', '/s/demo/resume', '/s/demo/thanks', '/privacy/s/demo', '/s/demo-staff', '/s/demo-staff?t=12', '/s/demo-staff?t=ABCD-EFGH-JKMN', '/s/no-such-survey']) {
				await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
				if (!path.includes('no-such')) expect(await page.getAttribute('html', 'lang')).toBe(locale);
				await expectNoAxeViolations(page);
			}
			// The page after a save, with the code to write down.
			await page.goto(`/s/demo?lang=${locale}`);
			await Promise.all([page.waitForURL(/\?\/save/), page.getByRole('button', { name: say(m.respond_save, locale) }).click()]);
			await expectNoAxeViolations(page);
			await context.close();
		}
	});

	it('sends the page compressed, without frame embedding for a collector that allows none', async () => {
		const response = await fetch(`${baseUrl()}/s/demo`, { headers: { 'accept-encoding': 'br, gzip' } });
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
	});
});

async function expectNoAxeViolationsIf(run: boolean, page: Page): Promise<void> {
	// axe-core runs as a script in the page; with JavaScript off the same DOM is checked elsewhere.
	if (run) await expectNoAxeViolations(page);
}
