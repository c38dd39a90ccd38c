import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { m } from '#lib/paraglide/messages.js';
import { openPglite } from '#lib/server/db/client.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from './browser.ts';
import { freePort, startServer } from './server.ts';
import { isStored, locales, say, submissionIdOf, type Locale } from './respond-support.ts';

/**
 * Kiosk mode (`/k/demo`, the customer-service survey on a desk tablet) and the pulse (`/p/demo`,
 * one tap on a desk tablet): thank-you and reset, idle reset, the tap guard, the offline queue, and
 * the plain-HTML fallback. Timers run on Playwright's clock, so no test waits for real seconds.
 * Demo kiosk settings are the defaults: thank-you 5 s, idle reset 90 s, tap guard 3 s.
 */
async function kioskPage(browser: Browser, locale: Locale, path: string, options: { javaScriptEnabled?: boolean; baseURL?: string } = {}): Promise<Page> {
	const context = await newContext(browser, { locale, javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1024, height: 768 } });
	if (options.javaScriptEnabled ?? true) await context.clock.install();
	const page = await context.newPage();
	await page.goto(`${options.baseURL ?? ''}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
	return page;
}

async function sendKiosk(page: Page, locale: Locale): Promise<void> {
	await page.getByRole('button', { name: say(m.respond_submit, locale), exact: true }).click();
}

describe('kiosk mode and the pulse', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it.each(locales)('thanks in place after the server stored the answer, then starts over for the next customer (%s)', async (locale) => {
		const page = await kioskPage(browser, locale, '/k/demo');
		const id = await submissionIdOf(page);
		await page.check('input[name="q.friendliness"][value="5"]');
		await sendKiosk(page, locale);
		await page.locator('#thanks').waitFor({ state: 'visible' });
		expect(await page.locator('#thanks [data-queued]').isHidden()).toBe(true);
		expect(await isStored({ mode: 'kiosk', slug: 'demo' }, id)).toBe(true);
		await expectNoAxeViolations(page);
		// The next customer: a fresh page from the server (the start is in the base language).
		await Promise.all([page.waitForEvent('load'), page.clock.runFor(5_000)]);
		expect(page.url()).toMatch(/\/k\/demo\?lang=fi$/);
		expect(await page.isChecked('input[name="q.friendliness"][value="5"]')).toBe(false);
		expect(await submissionIdOf(page)).not.toBe(id);
		await page.context().close();
	});

	it('clears a half-filled form after the idle time, and not before', async () => {
		const page = await kioskPage(browser, 'fi', '/k/demo');
		await page.check('input[name="q.courtesy"][value="2"]');
		await page.fill('textarea[name="q.develop"]', 'Kesken jäi');
		await page.clock.runFor(60_000);
		expect(await page.isChecked('input[name="q.courtesy"][value="2"]')).toBe(true);
		const id = await submissionIdOf(page);
		await page.clock.runFor(31_000);
		expect(await page.isChecked('input[name="q.courtesy"][value="2"]')).toBe(false);
		expect(await page.inputValue('textarea[name="q.develop"]')).toBe('');
		expect(await submissionIdOf(page)).not.toBe(id);
		await page.context().close();
	});

	it('sends one answer for a double tap and ignores taps during the guard after a submit', async () => {
		const page = await kioskPage(browser, 'fi', '/k/demo');
		const posts: string[] = [];
		page.on('request', (request) => {
			if (request.method() === 'POST') posts.push(request.url());
		});
		await page.check('input[name="q.positivity"][value="4"]');
		await page.getByRole('button', { name: say(m.respond_submit, 'fi'), exact: true }).dblclick();
		await page.locator('#thanks').waitFor({ state: 'visible' });
		// Taps within the guard after a submit are swallowed before anything sees them.
		await page.locator('#thanks').click();
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatch(/\/k\/demo\?\/submit$/);
		await page.context().close();
	});

	it.each(locales)('takes the pulse in %s with one tap, the follow-up in place, and starts over', async (locale) => {
		const page = await kioskPage(browser, locale, '/p/demo');
		expect(await page.locator('[data-step2]').isHidden()).toBe(true);
		const id = await submissionIdOf(page);
		await page.locator('[data-tap-step] button[value="4"]').click();
		// Step 2 in place: no request was needed, the heading has focus.
		expect(page.url()).toMatch(/\/p\/demo\?lang=/);
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
		await page.check('input[name="q.topic"][value="service"]');
		await page.fill('textarea[name="q.comment"]', `Hyvä (${locale})`);
		await expectNoAxeViolations(page);
		await sendKiosk(page, locale);
		await page.locator('#thanks').waitFor({ state: 'visible' });
		expect(await isStored({ mode: 'pulse', slug: 'demo' }, id, { answers: { 'q.satisfaction': '4' } })).toBe(true);
		await Promise.all([page.waitForEvent('load'), page.clock.runFor(5_000)]);
		expect(page.url()).toMatch(/\/p\/demo\?lang=fi$/);
		expect(await page.locator('[data-tap-step]').isVisible()).toBe(true);
		await page.context().close();
	});

	it('counts an abandoned pulse tap when the idle time runs out', async () => {
		const page = await kioskPage(browser, 'sv', '/p/demo');
		const id = await submissionIdOf(page);
		await page.locator('[data-tap-step] button[value="2"]').click();
		await page.clock.runFor(91_000);
		await page.locator('#thanks').waitFor({ state: 'visible' });
		expect(await isStored({ mode: 'pulse', slug: 'demo' }, id, { answers: { 'q.satisfaction': '2' } })).toBe(true);
		await page.context().close();
	});

	it('works without JavaScript: the pulse in two steps, and a thank-you that returns to the start by itself', async () => {
		const page = await kioskPage(browser, 'en', '/p/demo', { javaScriptEnabled: false });
		const id = await submissionIdOf(page);
		await Promise.all([page.waitForURL(/\?\/tap/), page.locator('[data-tap-step] button[value="3"]').click()]);
		expect(await page.locator('[data-tap-step]').isHidden()).toBe(true);
		await page.check('input[name="q.topic"][value="collections"]');
		await Promise.all([page.waitForURL(/\/p\/demo\/thanks/), page.getByRole('button', { name: say(m.respond_submit, 'en'), exact: true }).click()]);
		expect(await isStored({ mode: 'pulse', slug: 'demo' }, id, { answers: { 'q.satisfaction': '3' } })).toBe(true);
		expect(await page.locator('noscript').innerHTML()).toContain('http-equiv="refresh" content="5;url=/p/demo?lang=fi"');
		// The meta refresh returns to the start (five seconds of real time: the browser's own timer).
		await page.waitForURL(/\/p\/demo\?lang=fi$/, { timeout: 15_000 });
		await page.context().close();
	});

	it('skips the follow-up without JavaScript and stores the tap alone', async () => {
		const page = await kioskPage(browser, 'fi', '/p/demo', { javaScriptEnabled: false });
		const id = await submissionIdOf(page);
		await Promise.all([page.waitForURL(/\?\/tap/), page.locator('[data-tap-step] button[value="1"]').click()]);
		await Promise.all([page.waitForURL(/\/p\/demo\/thanks/), page.getByRole('button', { name: say(m.respond_pulse_skip, 'fi') }).click()]);
		expect(await isStored({ mode: 'pulse', slug: 'demo' }, id, { answers: { 'q.satisfaction': '1' } })).toBe(true);
		await page.context().close();
	});

	it.each(locales)('has no axe-core violations on the kiosk and pulse pages in %s at 320 px', async (locale) => {
		const context = await newContext(browser, { locale, viewport: { width: 320, height: 640 } });
		const page = await context.newPage();
		for (const path of ['/k/demo', '/k/demo/thanks', '/p/demo', '/p/demo/thanks', '/privacy/k/demo', '/privacy/p/demo']) {
			await page.goto(`${path}?lang=${locale}`);
			expect(await page.getAttribute('html', 'lang')).toBe(locale);
			await expectNoAxeViolations(page);
		}
		await context.close();
	});

	describe('offline queue', () => {
		let dataDir: string;
		beforeAll(() => {
			dataDir = mkdtempSync(join(tmpdir(), 'aspa-kiosk-offline-'));
		});
		afterAll(() => {
			rmSync(dataDir, { recursive: true, force: true });
		});

		it('keeps a submission made while the server is down and stores it exactly once when the server is back', async () => {
			const port = await freePort();
			let server = await startServer({ ASPA_DATA_DIR: dataDir }, 90_000, { port });
			const context = await newContext(browser, { locale: 'fi' });
			const page = await context.newPage();
			try {
				await page.goto(`${server.url}/k/demo?lang=fi`);
				const id = await submissionIdOf(page);
				await page.check('input[name="q.approachability"][value="5"]');
				await page.fill('textarea[name="q.develop"]', 'Lähetetty verkon ollessa poikki');
				const sentAt = new Date();
				await server.stop();

				await sendKiosk(page, 'fi');
				await page.locator('#thanks [data-queued]').waitFor({ state: 'visible' });
				const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('aspa-queue') ?? '[]'));
				expect(queued).toHaveLength(1);
				expect(queued[0]).toMatchObject({ id, url: `${server.url}/k/demo?/submit` });
				expect(queued[0].fields).toEqual(expect.arrayContaining([['language', 'fi'], ['q.approachability', '5']]));
				// The next customer gets a clean form although the server is still away.
				await page.locator('#f').waitFor({ state: 'visible', timeout: 15_000 });
				expect(await submissionIdOf(page)).not.toBe(id);

				server = await startServer({ ASPA_DATA_DIR: dataDir }, 90_000, { port });
				await page.waitForFunction(() => localStorage.getItem('aspa-queue') === '[]', undefined, { timeout: 90_000 });
				expect(await isStored({ mode: 'kiosk', slug: 'demo' }, id, { url: server.url })).toBe(true);
				await server.stop();

				const handle = await openPglite(dataDir);
				try {
					const rows = await handle.db
						.selectFrom('response')
						.select(['submissionId', 'language', 'channel'])
						.where('submittedAt', '>=', sentAt)
						.execute();
					expect(rows).toEqual([{ submissionId: id, language: 'fi', channel: 'kiosk' }]);
				} finally {
					await handle.close();
				}
			} finally {
				await context.close();
				await server.stop();
			}
		});
	});
});
