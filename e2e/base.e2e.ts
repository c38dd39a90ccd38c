import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, chooseLanguage, demoUsers, expectNoAxeViolations, launchBrowser, newContext, signIn } from './browser.ts';

describe('base layout', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('answers /healthz with the embedded database at the latest migration', async () => {
		const health = await (await fetch(`${baseUrl()}/healthz`)).json();
		expect(health).toMatchObject({ status: 'ok', db: 'pglite' });
		expect(health.migration).toMatch(/^\d{4}-/);
	});

	it('switches language without JavaScript, remembers it and sets lang', async () => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		expect(await page.getAttribute('html', 'lang')).toBe('fi');
		await chooseLanguage(page, 'sv');
		expect(await page.getAttribute('html', 'lang')).toBe('sv');
		await expect(page.locator('.skip-link').textContent()).resolves.toBe('Hoppa till innehållet');
		await page.goto('/accessibility');
		expect(await page.getAttribute('html', 'lang')).toBe('sv');
		await context.close();
	});

	it.each(['fi', 'sv', 'en'] as const)('has no axe-core violations on the public pages in %s', async (locale) => {
		const context = await newContext(browser, { locale });
		const page = await context.newPage();
		for (const path of ['/', '/accessibility', '/no-such-page']) {
			await page.goto(path);
			expect(await page.getAttribute('html', 'lang')).toBe(locale);
			await expectNoAxeViolations(page);
		}
		await context.close();
	});

	it('sends the security headers', async () => {
		const response = await fetch(`${baseUrl()}/`);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-/);
		expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});

	it('fits a 320 px wide phone without sideways scrolling, signed out and signed in', async () => {
		const context = await newContext(browser, { viewport: { width: 320, height: 640 } });
		const page = await context.newPage();
		const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		for (const path of ['/', '/login', '/accessibility']) {
			await page.goto(path);
			expect(await overflow(), path).toBeLessThanOrEqual(0);
		}
		await signIn(page, demoUsers.admin);
		for (const path of ['/', '/admin/organisations', '/admin/users']) {
			await page.goto(path);
			expect(await overflow(), path).toBeLessThanOrEqual(0);
			await expectNoAxeViolations(page);
		}
		await context.close();
	});
});
