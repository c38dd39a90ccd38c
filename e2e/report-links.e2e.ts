import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseLanguage, demoUsers, expectNoAxeViolations, hydrated, launchBrowser, newContext, signIn } from './browser.ts';

/**
 * Public report links (ADR 0021) in a real browser: the PiKe coordinator shares the report of
 * Metso (demo-customer, the latest round) through /studies/demo-customer/report-links, a
 * signed-out visitor reads it at /r/<token> in all three languages, the coordinator revokes it,
 * and the address then answers the same 404 as a token that never existed.
 */
const linksPage = '/studies/demo-customer/report-links';
const notFoundText = {
	fi: 'Tämä raporttilinkki ei ole käytössä.',
	sv: 'Den här rapportlänken används inte.',
	en: 'This report link is not in use.'
} as const;

describe('public report links', () => {
	let browser: Browser;
	let coordinator: BrowserContext;
	let page: Page;
	let address = '';
	const label = `e2e hallitus ${Date.now().toString(36)}`;

	beforeAll(async () => {
		browser = await launchBrowser();
		coordinator = await newContext(browser);
		page = await coordinator.newPage();
		await signIn(page, demoUsers.coordinator);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('lets the coordinator create a link to one report and shows its address once', async () => {
		await page.goto(linksPage);
		await hydrated(page);
		await expectNoAxeViolations(page);
		await page.selectOption('#link-unit', 'library:tampere-metso');
		await page.fill('#link-label', label);
		await page.click('form[action="?/create"] button[type="submit"]');
		const shown = page.locator('#created-address');
		await shown.waitFor();
		address = await shown.inputValue();
		expect(address).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
		await expectNoAxeViolations(page);
		// Reloading the list never shows the address again: only its hash is stored.
		await page.goto(linksPage);
		expect(await page.content()).not.toContain(new URL(address).pathname);
		await expect(page.locator('tr[data-status="live"]').filter({ hasText: label }).count()).resolves.toBe(1);
		for (const locale of ['sv', 'en', 'fi'] as const) {
			await chooseLanguage(page, locale);
			await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
			await expectNoAxeViolations(page);
		}
	});

	it('opens the report for a signed-out visitor, without referrer or indexing, in every language', async () => {
		// A fresh, signed-out browser. (JavaScript stays on only for axe: the page itself loads no script.)
		const visitor = await newContext(browser);
		const reader = await visitor.newPage();
		const response = await reader.goto(new URL(address).pathname);
		expect(response?.status()).toBe(200);
		const headers = response!.headers();
		expect(headers['referrer-policy']).toBe('no-referrer');
		expect(headers['x-robots-tag']).toContain('noindex');
		await expect(reader.locator('meta[name="robots"]').getAttribute('content')).resolves.toContain('noindex');
		await expect(reader.locator('h1').textContent()).resolves.toContain('Metso');
		expect(await reader.locator('script').count()).toBe(0);
		await reader.locator('[data-top="strengths"]').waitFor();
		// Read-only: no filter form, no downloads, no link into the signed-in report pages.
		expect(await reader.locator('form.report-filters, [data-download]').count()).toBe(0);
		expect(await reader.locator('a[href^="/reports"]').count()).toBe(0);
		// The page has no referrer, so its language links are plain GETs (a form would post `Origin: null`).
		for (const locale of ['sv', 'en', 'fi'] as const) {
			await reader.click(`[data-public-languages] a[lang="${locale}"]`);
			await expect.poll(() => reader.locator('html').getAttribute('lang')).toBe(locale);
			expect(new URL(reader.url()).pathname).toBe(new URL(address).pathname);
			await reader.locator('[data-public-report]').waitFor();
			await expectNoAxeViolations(reader);
		}
		await visitor.close();
		// The whole report on one page (every question's charts and tables): axe needs time on it, thrice.
	}, 240_000);

	it('answers 404 once the link is revoked, the same page as for a token that never existed', async () => {
		await page.goto(linksPage);
		await hydrated(page);
		const row = page.locator('tr[data-status="live"]').filter({ hasText: label });
		await Promise.all([page.waitForURL(`**${linksPage}?done=revoked`), row.locator('button[type="submit"]').click()]);
		await expect(page.locator('tr[data-status="revoked"]').filter({ hasText: label }).count()).resolves.toBe(1);
		await expectNoAxeViolations(page);

		const visitor = await newContext(browser);
		const reader = await visitor.newPage();
		const revoked = await reader.goto(new URL(address).pathname);
		expect(revoked?.status()).toBe(404);
		expect(revoked!.headers()['x-robots-tag']).toContain('noindex');
		const revokedText = await reader.locator('main').textContent();
		expect(revokedText).toContain(notFoundText.fi);
		const unknown = await reader.goto(`/r/${'A'.repeat(43)}`);
		expect(unknown?.status()).toBe(404);
		expect(await reader.locator('main').textContent()).toBe(revokedText);
		for (const locale of ['fi', 'sv', 'en'] as const) {
			await reader.goto(new URL(address).pathname);
			await chooseLanguage(reader, locale);
			await expect(reader.locator('main').textContent()).resolves.toContain(notFoundText[locale]);
			await expectNoAxeViolations(reader);
		}
		await visitor.close();
	}, 120_000);
});
