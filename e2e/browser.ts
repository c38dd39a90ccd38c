import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';

/** Debian's Chromium; `npx playwright install` cannot download a browser on these machines. */
export const CHROMIUM = process.env.ASPA_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
}

export function baseUrl(): string {
	return inject('baseUrl');
}

export async function newContext(
	browser: Browser,
	options: { locale?: 'fi' | 'sv' | 'en'; javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}
): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: baseUrl(),
		locale: options.locale === 'sv' ? 'sv-FI' : options.locale === 'en' ? 'en-GB' : 'fi-FI',
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: options.viewport ?? { width: 1280, height: 900 }
	});
}

/** Waits until Svelte has hydrated the page (the root layout marks it), so typing is not lost. */
export async function hydrated(page: Page): Promise<void> {
	await page.waitForSelector('html[data-hydrated="true"]');
}

/** axe-core with the WCAG 2.1 A and AA rules: the page must have zero violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`
	);
	expect(summary, `axe-core violations on ${page.url()}`).toEqual([]);
}

/** Chooses a language through the switcher, as a person would. */
export async function chooseLanguage(page: Page, locale: 'fi' | 'sv' | 'en'): Promise<void> {
	await page.locator(`.language-switcher button[value="${locale}"]`).click();
	await page.waitForLoadState('load');
}

/** The demo accounts `npm start` creates on an empty data directory (one per role). */
export const DEMO_PASSWORD = 'aspa-demo-2026';
export const demoUsers = {
	admin: 'admin@aspa.example',
	coordinator: 'coordinator@aspa.example',
	director: 'director@aspa.example',
	staff: 'staff@aspa.example',
	observer: 'observer@aspa.example'
} as const;

/**
 * Signs in through the login form (/login: a `form[data-login]` with fields #email and #password
 * and one submit button) and waits for the redirect away from /login. Pass
 * `{ javaScript: false }` for a context with JavaScript disabled (nothing hydrates there).
 */
export async function signIn(
	page: Page,
	email: string,
	password = DEMO_PASSWORD,
	options: { javaScript?: boolean } = {}
): Promise<void> {
	await page.goto('/login');
	if (options.javaScript ?? true) await hydrated(page);
	await page.fill('#email', email);
	await page.fill('#password', password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/login'),
		page.click('form[data-login] button[type="submit"]')
	]);
}
