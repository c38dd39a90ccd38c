import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { instantToHelsinki } from '../src/lib/core/helsinki-time.ts';
import { baseUrl, chooseLanguage, demoUsers, expectNoAxeViolations, hydrated, launchBrowser, newContext, signIn } from './browser.ts';

/** Keys of this file's own instruments and studies, so it never depends on other files' data. */
const suffix = Date.now().toString(36);
const instrumentKey = `e2e-study-form-${suffix}`;
const studyKey = `e2e-study-${suffix}`;
const tokenStudyKey = `e2e-tokens-${suffix}`;

/** Answers one question of a respondent page in a fresh browser, as a customer would, and sends it. */
async function answerAsRespondent(browser: Browser, path: string): Promise<void> {
	const customer = await newContext(browser);
	const page = await customer.newPage();
	await page.goto(path);
	const form = page.locator('form[method="post"]').filter({ has: page.locator('input[name^="q."]') }).first();
	await form.locator('input[type="radio"]').first().check();
	await Promise.all([page.waitForURL((url) => url.pathname.includes('/thanks') || url.pathname !== new URL(path, baseUrl()).pathname), form.locator('button[type="submit"]:not([formaction])').first().click()]);
	await customer.close();
}

async function createPublishedInstrument(page: Page, key: string): Promise<void> {
	await page.goto('/instruments');
	await hydrated(page);
	await page.selectOption('#f-templateKey', 'customer-service-survey');
	await page.fill('#f-name-fi', `Lomake ${key}`);
	await page.fill('#f-key', key);
	await Promise.all([page.waitForURL(`**/instruments/${key}?done=created`), page.click('form[action="?/create"] button[type="submit"]')]);
	await hydrated(page);
	await page.click('form[action="?/publish"] button');
	await page.locator('.notice').waitFor();
}

async function createStudy(page: Page, key: string, options: { tokens?: boolean } = {}): Promise<void> {
	await page.goto(`/studies/new?instrument=${instrumentKey}`);
	await hydrated(page);
	await page.fill('#f-name-fi', `Kysely ${key}`);
	await page.fill('#f-key', key);
	await page.locator('input[name="scope"][value^="network:"]').first().check();
	if (options.tokens) {
		await page.check('#f-usesTokens');
		await page.check('#f-confidential');
	}
	await Promise.all([page.waitForURL(`**/studies/${key}?done=created`), page.click('form.wide button[type="submit"]')]);
	await hydrated(page);
	await page.fill('#f-name-fi', 'Kevät');
	await page.fill('#f-round-key', 'kevat');
	await page.fill('#f-round-opensAt', instantToHelsinki(new Date(Date.now() - 3_600_000)));
	await page.fill('#f-round-closesAt', instantToHelsinki(new Date(Date.now() + 30 * 86_400_000)));
	await Promise.all([page.waitForURL(`**/studies/${key}?done=round_added*`), page.click('form[action="?/addRound"] button[type="submit"]')]);
}

async function addCollector(page: Page, channel: 'web' | 'paper'): Promise<void> {
	await hydrated(page);
	await page.selectOption('#f-collector-libraryId', { index: 1 });
	await page.selectOption('#f-collector-channel', channel);
	await Promise.all([page.waitForURL('**?done=collector_added*'), page.click('form[action="?/addCollector"] button[type="submit"]')]);
}

/** Presses Tab until the field named `name` has focus, as a keyboard user would. */
async function tabToField(page: Page, name: string, max = 20): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if ((await page.evaluate(() => document.activeElement?.getAttribute('name'))) === name) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

async function total(page: Page, key: string): Promise<string> {
	await page.goto(`/studies/${key}/responses`);
	return (await page.locator('[data-total]').textContent()) ?? '';
}

describe('studies, rounds and collectors', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await newContext(browser);
		page = await context.newPage();
		await signIn(page, demoUsers.coordinator);
		await createPublishedInstrument(page, instrumentKey);
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	it('creates a study, opens a round, adds a web collector and sees an answer arrive in the counts', async () => {
		await createStudy(page, studyKey);
		await expectNoAxeViolations(page);
		await addCollector(page, 'web');
		const link = page.locator('a[data-collector-url]').first();
		const path = (await link.getAttribute('href'))!;
		expect(path).toMatch(/^\/s\/[a-z0-9-]+$/);
		await expect(total(page, studyKey)).resolves.toMatch(/^0 /);
		await expectNoAxeViolations(page);

		await answerAsRespondent(browser, path);
		await expect(total(page, studyKey)).resolves.toMatch(/^1 /);
		await expect(page.locator('tr[data-count-row$=":web"] [data-count]').first().textContent()).resolves.toBe('1');
		await page.locator('table').last().locator('a').first().click();
		await page.waitForURL(`**/studies/${studyKey}/responses/*`);
		await expect(page.locator('h1').textContent()).resolves.toMatch(/^Vastaus \d+$/);
		await expectNoAxeViolations(page);
	});

	it('serves QR posters as PDF and SVG', async () => {
		await page.goto(`/studies/${studyKey}`);
		const posterHref = (await page.locator('a[href$="/poster.pdf"]').first().getAttribute('href'))!;
		const pdf = await page.request.get(`${posterHref}?lang=fi&lang=sv`);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename=".+-poster\.pdf"$/);
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
		const svg = await page.request.get(posterHref.replace(/pdf$/, 'svg'));
		expect(svg.headers()['content-type']).toContain('image/svg+xml');
		expect(await svg.text()).toContain('<path data-qr=');
	});

	it('takes paper forms by keyboard alone and stores a double Enter once', async () => {
		await page.goto(`/studies/${studyKey}`);
		await addCollector(page, 'paper');
		await page.locator('a[href*="/paper/"]').first().click();
		await page.waitForURL(`**/studies/${studyKey}/paper/*`);
		await hydrated(page);
		await expectNoAxeViolations(page);
		const entryUrl = page.url();
		// The first field has focus: channels (several keys), then friendliness on a 1–5 scale.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q.channels');
		await page.keyboard.type('1 3');
		await tabToField(page, 'q.friendliness');
		await page.keyboard.type('5');
		await Promise.all([page.waitForURL('**entered=1*'), page.keyboard.press('Enter')]);
		await expect(page.locator('[data-entered]').getAttribute('data-entered')).resolves.toBe('1');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q.channels');

		// A value outside the scale comes back with the typed text and an error on its field.
		await tabToField(page, 'q.friendliness');
		await page.keyboard.type('9');
		await page.keyboard.press('Enter');
		await page.locator('.error-summary').waitFor();
		await expect(page.inputValue('[name="q.friendliness"]')).resolves.toBe('9');
		await expect(page.getAttribute('[name="q.friendliness"]', 'aria-invalid')).resolves.toBe('true');
		await expectNoAxeViolations(page);

		// The same submission id twice (a double Enter) stores one response.
		const before = await total(page, studyKey);
		await page.goto(entryUrl);
		const submissionId = await page.inputValue('input[name="submissionId"]');
		const post = () =>
			page.request.post(entryUrl, { form: { submissionId, language: 'fi', 'q.friendliness': '4' }, headers: { origin: baseUrl(), accept: 'text/html' }, maxRedirects: 0 });
		expect((await post()).status()).toBe(303);
		expect((await post()).headers()['location']).toContain('duplicate=1');
		const after = await total(page, studyKey);
		expect(Number.parseInt(after, 10)).toBe(Number.parseInt(before, 10) + 1);
	});

	it('deletes one response after a confirmation step', async () => {
		const before = Number.parseInt(await total(page, studyKey), 10);
		await page.locator('table').last().locator('tbody a').first().click();
		await page.waitForURL(`**/studies/${studyKey}/responses/*`);
		await page.click('a.button.danger');
		await page.waitForURL('**/delete');
		await expectNoAxeViolations(page);
		await Promise.all([page.waitForURL('**/responses?done=deleted'), page.click('form button.danger')]);
		await expect(page.locator('.notice').textContent()).resolves.toBe('Vastaus poistettu.');
		expect(Number.parseInt((await page.locator('[data-total]').textContent()) ?? '', 10)).toBe(before - 1);
	});

	it('issues tokens as a CSV once, and the response rate counts a used token', async () => {
		await createStudy(page, tokenStudyKey, { tokens: true });
		await addCollector(page, 'web');
		await expect(page.locator('.token-once').textContent()).resolves.toContain('vain kerran');
		await page.fill('#tokens-count', '3');
		await page.selectOption('#tokens-format', 'csv');
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('.token-once button[type="submit"]')]);
		const csv = await new Response((await download.createReadStream()) as unknown as ReadableStream).text();
		const rows = csv.replace(/^\ufeff/, '').trim().split('\r\n');
		expect(rows).toHaveLength(4);
		const [token, , tokenLink] = rows[1]!.split(',');
		expect(token).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		await page.goto(`/studies/${tokenStudyKey}`);
		await expect(page.locator('[data-rate]').first().textContent()).resolves.toBe('0 %');

		await answerAsRespondent(browser, new URL(tokenLink!).pathname + new URL(tokenLink!).search);
		await page.goto(`/studies/${tokenStudyKey}`);
		await expect(page.locator('[data-rate]').first().textContent()).resolves.toBe('33 %');
		await page.goto(`/studies/${tokenStudyKey}/responses`);
		await expect(page.locator('main').textContent()).resolves.toContain('luottamuksellinen');
	});

	it('has no axe violations on the study pages in fi, sv and en', async () => {
		const study = await page.request.get(`/studies/${studyKey}`);
		expect(study.status()).toBe(200);
		await page.goto(`/studies/${studyKey}`);
		const collectorEdit = await page.locator('a[href*="/collectors/"]:not([href$=".pdf"]):not([href$=".svg"])').first().getAttribute('href');
		const paths = [
			'/studies',
			'/studies/new',
			`/studies/${studyKey}`,
			`/studies/${studyKey}/edit`,
			`/studies/${studyKey}/rounds/kevat`,
			`/studies/${studyKey}/responses`,
			collectorEdit!,
			`/studies/${tokenStudyKey}`,
			'/studies/privacy'
		];
		for (const language of ['fi', 'sv', 'en'] as const) {
			await page.goto('/studies');
			await chooseLanguage(page, language);
			for (const path of paths) {
				await page.goto(path);
				await expectNoAxeViolations(page);
			}
		}
		await chooseLanguage(page, 'fi');
	});

	it('edits the privacy notice of a network the coordinator manages', async () => {
		await page.goto('/studies/privacy');
		await hydrated(page);
		await page.selectOption('#scope', { index: 1 });
		await Promise.all([page.waitForURL('**/studies/privacy?scope=*'), page.click('form[method="get"] button')]);
		await hydrated(page);
		await expectNoAxeViolations(page);
		await page.fill('#f-contact-fi', `tietosuoja-${suffix}@kirjasto.example`);
		await Promise.all([page.waitForURL('**done=saved'), page.click('form.wide button[type="submit"]')]);
		await expect(page.inputValue('#f-contact-fi')).resolves.toBe(`tietosuoja-${suffix}@kirjasto.example`);
	});
});
