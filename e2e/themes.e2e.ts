import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { m } from '#lib/paraglide/messages.js';
import { chooseLanguage, demoUsers, expectNoAxeViolations, hydrated, launchBrowser, newContext, signIn } from './browser.ts';

/**
 * The coordinator's open-text themes page on the demo customer study: themes with counts and
 * masked quotes, rename, merge (and a refused merge that keeps the input), a theme made by hand
 * without JavaScript, keyboard use and axe-core in fi, sv and en. Answers with recurring Finnish
 * themes are sent through the respondent page first, so the page has themes whatever else the
 * demo holds; every change is undone at the end so other files see the demo as it was.
 */
const study = 'demo-customer';
const themesPath = `/studies/${study}/themes`;
const suffix = Date.now().toString(36);

const seedAnswers = [
	'Henkilökunta oli todella ystävällistä ja auttoi heti.',
	'Ystävällinen henkilökunta, kiitos!',
	'Minua neuvottiin ystävällisesti.',
	'Aukioloajat voisivat olla pidemmät iltaisin.',
	'Aukioloaikoja pitäisi pidentää viikonloppuisin.',
	'Lainaaminen automaatilla oli hankalaa. Soittakaa 040 123 4567',
	'Lainausautomaatti jumittui, lainaaminen automaatilla vaikeaa.'
];

/** Sends one answer to the open question through the respondent page, as a customer would. */
async function answer(browser: Browser, text: string): Promise<void> {
	const customer = await newContext(browser);
	try {
		const page = await customer.newPage();
		await page.goto('/s/demo?lang=fi');
		await page.fill('textarea[name="q.develop"]', text);
		await Promise.all([page.waitForURL(/\/s\/demo\/thanks/), page.getByRole('button', { name: m.respond_submit({}, { locale: 'fi' }), exact: true }).click()]);
	} finally {
		await customer.close();
	}
}

async function themeKeys(page: Page): Promise<string[]> {
	return page.locator('table[data-themes] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-theme') ?? ''));
}

async function countOf(page: Page, key: string): Promise<number> {
	return Number.parseInt((await page.locator(`tr[data-theme="${key}"] [data-count]`).textContent()) ?? '', 10);
}

/** Presses Tab until the element with `id` has focus, as a keyboard user would. */
async function tabTo(page: Page, id: string, max = 200): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
	}
	throw new Error(`Tab never reached #${id}`);
}

describe('open-text themes of the demo customer study', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		for (const text of seedAnswers) await answer(browser, text);
		context = await newContext(browser);
		page = await context.newPage();
		await signIn(page, demoUsers.coordinator);
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	it('opens from the study page and shows themes with counts and masked quotes', async () => {
		await page.goto(`/studies/${study}`);
		await Promise.all([page.waitForURL(`**${themesPath}`), page.click('a[data-themes-link]')]);
		await hydrated(page);
		expect(await themeKeys(page)).not.toHaveLength(0);
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).not.toContain('040 123 4567');
		await page.goto(`${themesPath}?tag=${encodeURIComponent((await themeKeys(page))[0]!)}&q=automaatilla#tagging`);
		const answers = page.locator('#tagging ~ form label');
		expect(await answers.allTextContents()).toContainEqual(expect.stringContaining('Soittakaa [puhelinnumero]'));
		await expectNoAxeViolations(page);
	});

	it('renames a theme by keyboard alone and merges two themes, keeping the input of a refused merge', async () => {
		await page.goto(themesPath);
		await hydrated(page);
		const [first, second, third] = await themeKeys(page);
		expect(third, 'the page shows at least three themes').toBeDefined();

		// From the top of the page by Tab alone; the theme choice starts at the first theme.
		const label = `Ystävällisyys ${suffix}`;
		await expect(page.inputValue('#rename-key')).resolves.toBe(first);
		await tabTo(page, 'rename-label');
		await page.keyboard.type(label);
		await Promise.all([page.waitForURL('**done=renamed**'), page.keyboard.press('Enter')]);
		await expect(page.locator(`tr[data-theme="${first}"] th`).textContent()).resolves.toContain(label);
		await expect(page.locator('[role="status"] .notice').textContent()).resolves.toBe(m.report_text_done_renamed({}, { locale: 'fi' }));

		// Merging a theme into itself is refused: the error names the field, both choices are kept.
		await page.selectOption('#merge-key', second!);
		await page.selectOption('#merge-into', second!);
		await page.click('form[action="?/merge"] button[type="submit"]');
		await page.locator('.error-summary').waitFor();
		await expect(page.locator('.error-summary').textContent()).resolves.toContain(m.report_text_error_theme_merge_self({}, { locale: 'fi' }));
		await expect(page.inputValue('#merge-key')).resolves.toBe(second);
		await expect(page.getAttribute('#merge-into', 'aria-invalid')).resolves.toBe('true');
		await expectNoAxeViolations(page);

		const [secondBefore, thirdBefore] = [await countOf(page, second!), await countOf(page, third!)];
		await page.selectOption('#merge-key', third!);
		await page.selectOption('#merge-into', second!);
		await Promise.all([page.waitForURL('**done=merged**'), page.click('form[action="?/merge"] button[type="submit"]')]);
		expect(await themeKeys(page)).not.toContain(third);
		expect(await countOf(page, second!)).toBeGreaterThanOrEqual(Math.max(secondBefore, thirdBefore));
		await expect(page.locator('form[action="?/unmerge"]').count()).resolves.toBeGreaterThan(0);

		// Undo both, so the demo stays as it was for other tests.
		await Promise.all([page.waitForURL('**done=unmerged**'), page.locator(`form[action="?/unmerge"]:has(input[value="${third}"]) button`).click()]);
		await page.selectOption('#rename-key', first!);
		await page.fill('#rename-label', '');
		await Promise.all([page.waitForURL('**done=renamed**'), page.click('form[action="?/rename"] button[type="submit"]')]);
		expect(await themeKeys(page)).toContain(third);
		await expect(page.locator(`tr[data-theme="${first}"] th`).textContent()).resolves.not.toContain(label);
	});

	it('creates a theme, tags answers and deletes it without JavaScript', async () => {
		const plain = await newContext(browser, { javaScriptEnabled: false });
		try {
			const noJs = await plain.newPage();
			await signIn(noJs, demoUsers.coordinator, undefined, { javaScript: false });
			await noJs.goto(themesPath);
			await noJs.fill('#create-label', `Koneet ${suffix}`);
			await Promise.all([noJs.waitForURL('**done=created**'), noJs.click('form[action="?/create"] button[type="submit"]')]);
			const legend = (await noJs.locator('#tagging ~ form legend').textContent()) ?? '';
			expect(legend).toContain(`Koneet ${suffix}`);
			await noJs.locator('#tagging ~ form input[name="tagged"]').first().check();
			await Promise.all([noJs.waitForURL('**done=tagged**'), noJs.click('form[action="?/tag"] button[type="submit"]')]);
			await expect(noJs.locator('#tagging ~ form input[name="tagged"]').first().isChecked()).resolves.toBe(true);
			const remove = noJs.locator('form[action="?/delete"]').filter({ has: noJs.locator('button', { hasText: `Koneet ${suffix}` }) });
			await Promise.all([noJs.waitForURL('**done=deleted**'), remove.locator('button').click()]);
			await expect(noJs.locator('main').textContent()).resolves.not.toContain(`Koneet ${suffix}`);
		} finally {
			await plain.close();
		}
	});

	it('has no axe violations in fi, sv and en', async () => {
		for (const locale of ['fi', 'sv', 'en'] as const) {
			await page.goto(themesPath);
			await chooseLanguage(page, locale);
			await page.goto(themesPath);
			await expect(page.getAttribute('html', 'lang')).resolves.toBe(locale);
			await expect(page.locator('h1').textContent()).resolves.toContain(m.report_text_title({ study: '' }, { locale }).trim());
			await expectNoAxeViolations(page);
		}
		await chooseLanguage(page, 'fi');
	});

	it('does not scroll sideways at 320 px (tables scroll inside their own box)', async () => {
		await page.goto(themesPath);
		const [key] = await themeKeys(page);
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto(`${themesPath}?tag=${encodeURIComponent(key!)}#tagging`);
		await expect(page.locator('#tagging ~ form input[name="tagged"]').count()).resolves.toBeGreaterThan(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await page.setViewportSize({ width: 1280, height: 900 });
	});
});
