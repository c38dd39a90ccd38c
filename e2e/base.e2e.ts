import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

	it('fits the demo study and its subpages on a 320 px phone (tables scroll inside their own box)', async () => {
		const study = '/studies/demo-customer';
		/** Signs in at 320 px, lets `more` add addresses found on the pages, and checks each one. */
		async function fits(user: string, paths: string[], more: (page: Page) => Promise<string[]> = async () => []) {
			const context = await newContext(browser, { viewport: { width: 320, height: 640 } });
			const page = await context.newPage();
			await signIn(page, user);
			for (const path of [...paths, ...(await more(page))]) {
				expect((await page.goto(path))?.status(), path).toBe(200);
				expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
				await expectNoAxeViolations(page);
			}
			await context.close();
		}
		async function firstHref(page: Page, path: string, selector: string): Promise<string> {
			await page.goto(path);
			const href = await page.locator(selector).first().getAttribute('href');
			expect(href, `${selector} on ${path}`).toBeTruthy();
			return href!;
		}
		await fits(demoUsers.coordinator, ['/studies', study, `${study}/responses`, `${study}/themes`, `${study}/report-links`, '/studies/privacy'], async (page) => [
			await firstHref(page, study, `main a[href^="${study}/paper/"]`)
		]);
		// Rounds, collectors, single responses and the settings open for those who manage the study.
		await fits(demoUsers.admin, [study, `${study}/edit`], async (page) => [
			await firstHref(page, study, `main a[href^="${study}/rounds/"]`),
			await firstHref(page, study, `main a[href^="${study}/collectors/"]:not([href$=".pdf"]):not([href$=".svg"])`),
			await firstHref(page, `${study}/responses`, `main a[href^="${study}/responses/"]`)
		]);
	});
});
