import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseLanguage, demoUsers, expectNoAxeViolations, hydrated, launchBrowser, newContext, signIn } from './browser.ts';

/**
 * Report pages in Debian's Chromium on the demo (study `demo-customer`, two rounds of synthetic
 * answers): a director opens their library's report, filters by age band, reads the TOP-5 lists
 * and the round change, opens a question, and downloads XLSX, CSV and PDF; the same works without
 * JavaScript and at 320 px; staff cannot open the network's report.
 */
const report = '/reports/demo-customer/library/tampere-metso';

/** Presses Tab until the element named `name` (or matching `selector`) has focus, as a keyboard user would. */
async function tabTo(page: Page, match: { name?: string; selector?: string }, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(
			({ name, selector }) => {
				const active = document.activeElement;
				if (!active) return false;
				return name ? active.getAttribute('name') === name : selector ? active.matches(selector) : false;
			},
			{ name: match.name ?? null, selector: match.selector ?? null }
		);
		if (focused) return;
	}
	throw new Error(`Tab never reached ${JSON.stringify(match)}`);
}

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string, separator: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === separator) {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	expect(quoted, 'an unterminated quoted field').toBe(false);
	return rows;
}

async function noSidewaysScroll(page: Page): Promise<void> {
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

describe('report pages', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await newContext(browser, { locale: 'fi' });
		page = await context.newPage();
		await signIn(page, demoUsers.director);
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	it('lists the demo study with the director’s library and opens its report from the menu', async () => {
		await page.goto('/');
		await hydrated(page);
		await Promise.all([page.waitForURL('**/reports'), page.click('nav a[href="/reports"]')]);
		await expectNoAxeViolations(page);
		const link = page.locator(`a[href="${report}"]`);
		await expect(link.count()).resolves.toBe(1);
		// The director's grant is Tampere: the network's own report is not offered.
		await expect(page.locator('a[href="/reports/demo-customer/network/pike"]').count()).resolves.toBe(0);
		await Promise.all([page.waitForURL(`**${report}`), link.click()]);
		await expect(page.locator('h1').textContent()).resolves.toContain('Metso');
	});

	it('shows TOP-5 strengths and improvement areas with n and interval, and the round change with its test', async () => {
		await page.goto(report);
		for (const list of ['strengths', 'improvements']) {
			const entries = page.locator(`[data-top="${list}"] li`);
			const count = await entries.count();
			expect(count).toBeGreaterThan(0);
			expect(count).toBeLessThanOrEqual(5);
			await expect(entries.first().locator('.top-figure').textContent()).resolves.toMatch(/\(95\s%\slv\. [\d,]+–[\d,]+\), n = \d/);
		}
		const change = page.locator('[data-callouts="round-changes"] li').first();
		await expect(change.textContent()).resolves.toMatch(/(testi|Welch).*p [=<] 0,\d+.*n = \d+/);
		await expect(page.locator('[data-round]').textContent()).resolves.toMatch(/Kierros \d{4}/);
		await expect(page.locator('[data-compare]').textContent()).resolves.toMatch(/Kierros \d{4}/);
	});

	it('filters by age band with the keyboard and keeps the filter in the links', async () => {
		await page.goto(report);
		await hydrated(page);
		await page.locator('#main').focus();
		await tabTo(page, { name: 'segment' });
		await page.selectOption('#f-segment', 'age_band:15-29');
		await tabTo(page, { selector: 'form.report-filters button[type="submit"]' });
		await Promise.all([page.waitForURL((url) => url.searchParams.get('segment') === 'age_band:15-29'), page.keyboard.press('Enter')]);
		await expect(page.locator('[data-filter-summary]').textContent()).resolves.toContain('15–29');
		await expect(page.locator('#f-segment').inputValue()).resolves.toBe('age_band:15-29');
		await expect(page.locator('[data-top="strengths"]').count()).resolves.toBe(1);
		const question = page.locator('.question-list a').first();
		await expect(question.getAttribute('href')).resolves.toContain('segment=age_band%3A15-29');
		await expect(page.locator('a[data-download="xlsx"]').getAttribute('href')).resolves.toContain('segment=age_band%3A15-29');
		await expectNoAxeViolations(page);
	});

	it('opens a question page with each chart beside its data table', async () => {
		await page.goto(report);
		const first = page.locator('.question-list li[data-question] a').first();
		const text = (await first.textContent())!.trim();
		await Promise.all([page.waitForURL(`**${report}/q/**`), first.click()]);
		await expect(page.locator('h1').textContent()).resolves.toContain(text);
		const figure = page.locator('figure.chart-figure').first();
		await expect(figure.locator('svg[role="img"] title').count()).resolves.toBe(1);
		await expect(figure.locator('table caption').count()).resolves.toBe(1);
		await expect(figure.locator('th[scope="col"]').count()).resolves.toBeGreaterThan(1);
		await expectNoAxeViolations(page);
	});

	it.each(['sv', 'en', 'fi'] as const)('has no axe-core violations in %s, on the overview and the printable whole report', async (locale) => {
		await page.goto(report);
		await hydrated(page);
		await chooseLanguage(page, locale);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
		await expectNoAxeViolations(page);
		await page.goto(`${report}?print=1`);
		await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
		await expectNoAxeViolations(page);
	}, 180_000);

	it('downloads real XLSX, CSV and PDF files', async () => {
		await page.goto(`${report}?segment=age_band%3A45-plus`);
		const hrefOf = async (format: string) => (await page.locator(`a[data-download="${format}"]`).getAttribute('href'))!;

		const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-download="xlsx"]')]);
		expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

		const xlsx = await page.request.get(await hrefOf('xlsx'));
		expect(xlsx.status()).toBe(200);
		const zip = await xlsx.body();
		// An XLSX file is a zip (local file header "PK\x03\x04") that holds at least one worksheet.
		expect(zip.subarray(0, 4).toString('binary')).toBe('PK\x03\x04');
		expect(zip.includes(Buffer.from('xl/worksheets/sheet'))).toBe(true);

		const csv = await page.request.get(await hrefOf('csv'));
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = (await csv.text()).replace(/^\uFEFF/, '');
		const separator = text.split(/\r?\n/)[0]!.includes(';') ? ';' : ',';
		const rows = parseCsv(text, separator).filter((row) => row.some((field) => field !== ''));
		expect(rows.length).toBeGreaterThan(2);
		expect(rows[0]!.length).toBeGreaterThan(1);

		const pdf = await page.request.get(await hrefOf('pdf'));
		expect(pdf.status()).toBe(200);
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('fits a 320 px screen without sideways scrolling', async () => {
		const narrow = await newContext(browser, { locale: 'fi', viewport: { width: 320, height: 800 } });
		const phone = await narrow.newPage();
		await signIn(phone, demoUsers.director);
		await phone.goto(report);
		await noSidewaysScroll(phone);
		await phone.goto(`${report}?breakdown=age_band`);
		await noSidewaysScroll(phone);
		const first = (await phone.locator('.question-list li[data-question] a').first().getAttribute('href'))!;
		await phone.goto(first);
		await noSidewaysScroll(phone);
		// Wide tables scroll inside their own box there, which keyboard users can focus.
		await expectNoAxeViolations(phone);
		await narrow.close();
	});

	it('says in the page’s language when a study or unit does not exist', async () => {
		await page.goto(report);
		await chooseLanguage(page, 'fi');
		const missing = await page.goto('/reports/no-such-study/library/tampere-metso');
		expect(missing?.status()).toBe(404);
		await expect(page.locator('main').textContent()).resolves.toContain('Raporttia ei löydy');
		const noUnit = await page.goto('/reports/demo-customer/library/no-such-library');
		expect(noUnit?.status()).toBe(404);
	});
});

describe('report pages without JavaScript', () => {
	it('filter with a plain GET form', async () => {
		const browser = await launchBrowser();
		const context = await newContext(browser, { locale: 'en', javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, demoUsers.director, undefined, { javaScript: false });
		await page.goto(report);
		await chooseLanguage(page, 'en');
		await page.selectOption('#f-segment', 'age_band:45-plus');
		await Promise.all([page.waitForURL((url) => url.searchParams.get('segment') === 'age_band:45-plus'), page.click('form.report-filters button[type="submit"]')]);
		await expect(page.locator('[data-filter-summary]').textContent()).resolves.toContain('45');
		await expect(page.locator('[data-top="strengths"] h2').textContent()).resolves.toBe('Strengths (top 5)');
		await context.close();
		await browser.close();
	});
});

describe('report permissions', () => {
	it('refuses staff the network report with 403 in their language', async () => {
		const browser = await launchBrowser();
		const context = await newContext(browser, { locale: 'sv' });
		const page = await context.newPage();
		await signIn(page, demoUsers.staff);
		const own = await page.goto(report);
		expect(own?.status()).toBe(200);
		const network = await page.goto('/reports/demo-customer/network/pike');
		expect(network?.status()).toBe(403);
		await expect(page.locator('main').textContent()).resolves.toContain('Du har inte behörighet att öppna den här rapporten.');
		await context.close();
		await browser.close();
	});
});
