import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { chooseLanguage, demoUsers, expectNoAxeViolations, hydrated, launchBrowser, newContext, signIn } from './browser.ts';

const fixture = fileURLToPath(new URL('../src/lib/core/fixtures/kirkanta-lastu.json', import.meta.url));
/** Keys of this file's own units, so that it never depends on other files' data. */
const suffix = Date.now().toString(36);

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, what: string, matches: (el: Element) => boolean, max = 60): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const active = await page.evaluateHandle(() => document.activeElement ?? document.body);
		if (await active.evaluate(matches)) return;
	}
	throw new Error(`Tab never reached ${what}`);
}

describe('organisations', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function adminPage(options: { javaScript?: boolean } = {}) {
		const context = await newContext(browser, { javaScriptEnabled: options.javaScript ?? true });
		const page = await context.newPage();
		await signIn(page, demoUsers.admin, undefined, options);
		return { context, page };
	}

	it('lists libraries, refuses a bad ISIL with the input kept, and creates the library once fixed', async () => {
		const { context, page } = await adminPage();
		await page.goto('/admin/libraries?network=kyyti');
		await expect(page.locator('h1').textContent()).resolves.toBe('Kirjastot');
		await expect(page.locator('tbody tr').count()).resolves.toBe(21);
		await expect(page.getByRole('link', { name: 'Kouvolan pääkirjasto' }).count()).resolves.toBe(1);

		await page.goto('/admin/libraries/new');
		await hydrated(page);
		const key = `e2e-lib-${suffix}`;
		await page.fill('#key', key);
		await page.selectOption('#kind', 'branch');
		await page.fill('#nameFi', 'Testikylän kirjasto');
		await page.fill('#isil', 'Tampere');
		await page.selectOption('#municipality', 'tampere');
		await page.click('form.stack button[type="submit"]');

		const summary = page.locator('.error-summary');
		await summary.waitFor();
		await expect(summary.textContent()).resolves.toContain('ISIL-tunnus: ei ole ISIL-tunnus');
		await expect(page.getAttribute('#isil', 'aria-invalid')).resolves.toBe('true');
		await expect(page.inputValue('#isil')).resolves.toBe('Tampere');
		await expect(page.inputValue('#key')).resolves.toBe(key);
		await expect(page.inputValue('#nameFi')).resolves.toBe('Testikylän kirjasto');
		await expect(page.inputValue('#municipality')).resolves.toBe('tampere');
		await expectNoAxeViolations(page);

		await page.fill('#isil', `FI-E2e${suffix.slice(-4)}`);
		await Promise.all([page.waitForURL(`**/admin/libraries/${key}?done=created`), page.click('form.stack button[type="submit"]')]);
		await expect(page.locator('h1').textContent()).resolves.toContain('Testikylän kirjasto');
		await expect(page.locator('.notice').textContent()).resolves.toBe('Luotu.');
		await expect(page.locator('table').first().textContent()).resolves.toContain('Tampere');
		await context.close();
	});

	it('imports a Kirkanta file through the upload page and shows the summary, and names the record of a bad file', async () => {
		const { context, page } = await adminPage();
		await page.goto('/admin/import');
		await hydrated(page);
		await page.setInputFiles('#file', fixture);
		await page.click('form.stack button[type="submit"]');
		await page.locator('.notice').waitFor();
		await expect(page.locator('.notice').textContent()).resolves.toContain('kirkanta-lastu.json');
		const libraries = page.locator('table tbody tr', { hasText: 'Kirjastot' }).locator('td');
		const counts = (await libraries.allTextContents()).map(Number);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
		await expectNoAxeViolations(page);

		await page.setInputFiles('#file', {
			name: 'broken-export.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify({ result: [{ id: 99001, name: { fi: 'Rikkinäinen kirjasto' }, type: 'kirjasto' }] }))
		});
		await page.click('form.stack button[type="submit"]');
		const summary = page.locator('.error-summary');
		await summary.waitFor();
		const text = await summary.textContent();
		expect(text).toContain('broken-export.json');
		expect(text).toContain('Tietue 1 (result[0], id 99001, “Rikkinäinen kirjasto”), kenttä ”type”');
		await expectNoAxeViolations(page);

		await page.goto('/admin/libraries/lahden-kirjastoauto');
		await expect(page.locator('h1').textContent()).resolves.toContain('Lahden kirjastoauto');
		await expect(page.getByRole('link', { name: 'Ahtiala, koulu' }).count()).resolves.toBe(1);
		// An alias in the address (ISIL, Kirkanta id) shows the page under the library's key.
		for (const alias of ['FI-Lahti', '86501']) {
			await page.goto(`/admin/libraries/${alias}`);
			expect(new URL(page.url()).pathname).toBe('/admin/libraries/lahden-paakirjasto');
		}
		await context.close();
	});

	it('works without JavaScript: a refused key comes back with the input, then the municipality is created', async () => {
		const { context, page } = await adminPage({ javaScript: false });
		await page.goto('/admin/municipalities/new');
		await page.fill('#key', 'Ei Kelpaa');
		await page.fill('#nameFi', 'Testikunta');
		await page.click('form.stack button[type="submit"]');
		await expect(page.locator('.error-summary').textContent()).resolves.toContain('Avain: käytä vain pieniä kirjaimia');
		await expect(page.inputValue('#key')).resolves.toBe('Ei Kelpaa');
		await expect(page.inputValue('#nameFi')).resolves.toBe('Testikunta');
		await page.fill('#key', `e2e-mun-${suffix}`);
		await Promise.all([page.waitForURL(`**/admin/municipalities/e2e-mun-${suffix}?done=created`), page.click('form.stack button[type="submit"]')]);
		await expect(page.locator('h1').textContent()).resolves.toContain('Testikunta');
		await context.close();
	});

	// Nineteen pages with axe each: a generous limit, so a busy machine does not fail the test.
	it.each(['fi', 'sv', 'en'] as const)('has no axe-core violations on the organisation pages in %s', { timeout: 180_000 }, async (locale) => {
		const { context, page } = await adminPage();
		await chooseLanguage(page, locale);
		const paths = [
			'/admin/organisations',
			'/admin/networks',
			'/admin/networks?kind=consortium&archived=1',
			'/admin/networks/new',
			'/admin/networks/pike',
			'/admin/networks/pike/edit',
			'/admin/municipalities',
			'/admin/municipalities/new',
			'/admin/municipalities/kouvola',
			'/admin/municipalities/kouvola/edit',
			'/admin/libraries',
			'/admin/libraries?kind=mobile&q=auto',
			'/admin/libraries/new',
			'/admin/libraries/tampere-metso',
			'/admin/libraries/tampere-metso/edit',
			'/admin/libraries/kouvola-mobile',
			'/admin/libraries/kouvola-mobile/stops/anjala',
			'/admin/libraries/kouvola-kuusankoski',
			'/admin/import'
		];
		for (const path of paths) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			expect(await page.getAttribute('html', 'lang')).toBe(locale);
			await expect(page.locator('h1').count()).resolves.toBe(1);
			await expectNoAxeViolations(page);
		}
		await context.close();
	});

	it('shows the municipality history of a library whose town merged', async () => {
		const { context, page } = await adminPage();
		await page.goto('/admin/libraries/kouvola-kuusankoski');
		const rows = await page.locator('table').first().locator('tbody tr').allTextContents();
		expect(rows).toEqual([expect.stringMatching(/^Kuusankoski.*1\.1\.1990.*1\.1\.2009$/), expect.stringMatching(/^Kouvola.*1\.1\.2009.*Voimassa$/)]);
		await context.close();
	});

	it('can be used with the keyboard alone: menu, sections, a form and its submit', async () => {
		const { context, page } = await adminPage();
		await page.goto('/');
		await hydrated(page);
		await tabTo(page, 'the Organisations menu link', (el) => el.getAttribute('href') === '/admin/organisations');
		await Promise.all([page.waitForURL('**/admin/organisations'), page.keyboard.press('Enter')]);
		await tabTo(page, 'the Networks section link', (el) => el.getAttribute('href') === '/admin/networks');
		await Promise.all([page.waitForURL('**/admin/networks'), page.keyboard.press('Enter')]);
		await tabTo(page, 'the New network button', (el) => el.getAttribute('href') === '/admin/networks/new');
		await Promise.all([page.waitForURL('**/admin/networks/new'), page.keyboard.press('Enter')]);
		await hydrated(page);

		await tabTo(page, 'the key field', (el) => el.id === 'key');
		await page.keyboard.type(`e2e-net-${suffix}`);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('kind');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Näppäimistöhanke');
		await tabTo(page, 'the Create button', (el) => el.tagName === 'BUTTON' && el.getAttribute('type') === 'submit' && !!el.closest('form.stack'));
		await Promise.all([page.waitForURL(`**/admin/networks/e2e-net-${suffix}?done=created`), page.keyboard.press('Enter')]);
		await expect(page.locator('h1').textContent()).resolves.toContain('Näppäimistöhanke');
		await expect(page.locator('.notice').textContent()).resolves.toBe('Luotu.');
		await context.close();
	});
});
