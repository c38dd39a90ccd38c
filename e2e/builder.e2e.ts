import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseLanguage, demoUsers, expectNoAxeViolations, hydrated, launchBrowser, newContext, signIn } from './browser.ts';

/** Keys of this file's own instruments, so it never depends on other files' data. */
const suffix = Date.now().toString(36);

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, what: string, matches: (el: Element) => boolean, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const active = await page.evaluateHandle(() => document.activeElement ?? document.body);
		if (await active.evaluate(matches)) return;
	}
	throw new Error(`Tab never reached ${what}`);
}

/** Item ids of the structure page, in order. */
async function itemOrder(page: Page): Promise<string[]> {
	return page.locator('li[data-item]').evaluateAll((items) => items.map((item) => item.getAttribute('data-item') ?? ''));
}

async function focusedId(page: Page): Promise<string> {
	return page.evaluate(() => document.activeElement?.id ?? '');
}

describe('instrument builder', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	const key = `e2e-builder-${suffix}`;

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await newContext(browser);
		page = await context.newPage();
		await signIn(page, demoUsers.coordinator);
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	it('starts an instrument from the customer-service template', async () => {
		await page.goto('/instruments');
		await hydrated(page);
		await expectNoAxeViolations(page);
		await page.selectOption('#f-templateKey', 'customer-service-survey');
		await page.fill('#f-name-fi', 'E2E-asiakaskysely');
		await page.fill('#f-key', key);
		await Promise.all([page.waitForURL(`**/instruments/${key}?done=created`), page.click('form[action="?/create"] button[type="submit"]')]);
		await expect(page.locator('h1').textContent()).resolves.toBe('E2E-asiakaskysely');
		expect(await itemOrder(page)).toContain('friendliness');
		await expectNoAxeViolations(page);
	});

	it('edits an item and refuses a bad scale with the item named and the input kept', async () => {
		await page.goto(`/instruments/${key}/items/friendliness`);
		await hydrated(page);
		await expectNoAxeViolations(page);
		await page.fill('#f-text-fi', 'Henkilökunta oli ystävällistä ja auttavaista.');
		await page.check('#f-required');
		await page.fill('#f-scale-max', '20');
		await page.click('form.wide button[type="submit"]');
		const summary = page.locator('.error-summary');
		await summary.waitFor();
		await expect(summary.textContent()).resolves.toContain('Kysymys friendliness: asteikossa on oltava 3–11 kohtaa.');
		await expect(page.inputValue('#f-text-fi')).resolves.toBe('Henkilökunta oli ystävällistä ja auttavaista.');
		await expect(page.getAttribute('#f-scale-min', 'aria-invalid')).resolves.toBe('true');
		await expectNoAxeViolations(page);
		await page.fill('#f-scale-max', '5');
		await Promise.all([page.waitForURL(`**/instruments/${key}?done=saved*`), page.click('form.wide button[type="submit"]')]);
		await expect(page.locator('#item-friendliness').textContent()).resolves.toContain('Henkilökunta oli ystävällistä ja auttavaista.');
	});

	it('adds an item, fills its Swedish translation side by side, and the warning goes away', async () => {
		await page.goto(`/instruments/${key}`);
		await hydrated(page);
		const lastSection = page.locator('section.section-block').last();
		await lastSection.locator('select[name="kind"]').selectOption('short_text');
		await Promise.all([page.waitForURL(`**/instruments/${key}/items/text-1?done=added`), lastSection.locator('form[action="?/addItem"] button').click()]);
		await hydrated(page);
		await page.fill('#f-text-fi', 'Mikä muu on tärkeää?');
		await Promise.all([page.waitForURL(`**/instruments/${key}?done=saved*`), page.click('form.wide button[type="submit"]')]);

		await page.goto(`/instruments/${key}/translations?missing=1`);
		await hydrated(page);
		await expectNoAxeViolations(page);
		const field = page.locator('textarea[name$="].text.sv"]').first();
		const name = await field.getAttribute('name');
		expect(name).toMatch(/items\[\d+\]\.text\.sv$/);
		await field.fill('Vad annat är viktigt?');
		await page.locator(`textarea[name="${name!.replace(/\.sv$/, '.en')}"]`).fill('What else matters?');
		await Promise.all([page.waitForURL(`**/translations?done=saved&missing=1`), page.click('form.translations-form button[type="submit"]')]);
		await expect(page.locator(`textarea[name="${name}"]`).count()).resolves.toBe(0);
		await page.goto(`/instruments/${key}/translations`);
		await expect(page.inputValue(`textarea[name="${name}"]`)).resolves.toBe('Vad annat är viktigt?');
	});

	it('moves an item down and up by keyboard alone, keeping focus on the button', async () => {
		await page.goto(`/instruments/${key}#item-friendliness`);
		await hydrated(page);
		const before = await itemOrder(page);
		const at = before.indexOf('friendliness');
		await tabTo(page, 'the Move down button of the friendliness item', (el) => el.id === 'down-friendliness');
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await itemOrder(page)).indexOf('friendliness')).toBe(at + 1);
		expect(await focusedId(page)).toBe('down-friendliness');
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await itemOrder(page)).indexOf('friendliness')).toBe(at + 2);
		await page.keyboard.press('Shift+Tab');
		expect(await focusedId(page)).toBe('up-friendliness');
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await itemOrder(page)).indexOf('friendliness')).toBe(at + 1);
		await page.keyboard.press('Enter');
		await expect.poll(async () => itemOrder(page)).toEqual(before);
	});

	it('moves an item without JavaScript and puts focus back on the button', async () => {
		const plain = await newContext(browser, { javaScriptEnabled: false });
		const noJs = await plain.newPage();
		await signIn(noJs, demoUsers.coordinator, undefined, { javaScript: false });
		await noJs.goto(`/instruments/${key}`);
		const before = await itemOrder(noJs);
		await noJs.focus('#down-courtesy');
		await Promise.all([noJs.waitForLoadState('load'), noJs.keyboard.press('Enter')]);
		await noJs.waitForURL('**/instruments/**moveItem');
		const after = await itemOrder(noJs);
		expect(after.indexOf('courtesy')).toBe(before.indexOf('courtesy') + 1);
		expect(await focusedId(noJs)).toBe('down-courtesy');
		await plain.close();
	});

	it('previews the instrument as a respondent in each language', async () => {
		for (const [language, title] of [
			['fi', 'Kirjaston asiakaspalvelukysely'],
			['sv', 'Enkät om bibliotekets kundservice'],
			['en', 'Library customer-service survey']
		] as const) {
			await page.goto(`/instruments/${key}/preview?lang=${language}`);
			await expect(page.locator(`.preview[lang="${language}"] h2`).first().textContent()).resolves.toBe(title);
			await expectNoAxeViolations(page);
		}
	});

	it('publishes the draft; a later edit makes a new draft version', async () => {
		await page.goto(`/instruments/${key}`);
		await hydrated(page);
		await page.click('form[action="?/publish"] button');
		await page.locator('.notice').waitFor();
		await expect(page.locator('.notice').textContent()).resolves.toContain('Julkaistu');
		await expect(page.locator('table').last().textContent()).resolves.toContain('Julkaistu');
		await expect(page.locator('form[action="?/publish"]').count()).resolves.toBe(0);

		await page.goto(`/instruments/${key}/items/courtesy`);
		await hydrated(page);
		await page.fill('#f-text-fi', 'Henkilökunta on kohteliasta.');
		await Promise.all([page.waitForURL(`**/instruments/${key}?done=saved*`), page.click('form.wide button[type="submit"]')]);
		await expect(page.locator('main').textContent()).resolves.toContain('versio 2');
	});

	it('serves the paper version of the published version as a PDF', async () => {
		const response = await page.request.get(`/instruments/${key}/versions/1/paper.pdf?lang=sv`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toContain(`${key}-v1-sv.pdf`);
		expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('has no axe violations on the builder pages in Swedish and English', async () => {
		for (const language of ['sv', 'en'] as const) {
			await page.goto('/instruments');
			await chooseLanguage(page, language);
			for (const path of [`/instruments/${key}`, `/instruments/${key}/items/friendliness`, `/instruments/${key}/items/channels`, `/instruments/${key}/settings`, `/instruments/${key}/translations`, `/instruments/${key}/sections/service`, '/instruments']) {
				await page.goto(path);
				await expectNoAxeViolations(page);
			}
		}
		await chooseLanguage(page, 'fi');
	});
});
