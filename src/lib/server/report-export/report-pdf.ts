import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '#lib/core/errors.ts';

/**
 * The standalone report HTML printed to PDF by Chromium (through playwright-core, with the
 * browser the machine has: `ASPA_CHROMIUM`, default Debian's `/usr/bin/chromium`). The PDF is
 * tagged (a structure tree, so it stays accessible when published) and has an outline from the
 * headings. Without Chromium the error says so and points to the HTML download (ADR 0020).
 *
 * One print at a time per process: a Chromium takes a few hundred megabytes and a core, and the
 * machines Aspa runs on have two.
 */
const launchArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

let queue: Promise<unknown> = Promise.resolve();

export function pdfAvailable(chromiumPath: string): boolean {
	return existsSync(chromiumPath);
}

export function htmlToPdf(html: string, chromiumPath: string): Promise<Uint8Array> {
	if (!pdfAvailable(chromiumPath)) {
		return Promise.reject(
			new AppError(
				'unavailable',
				'report_pdf_unavailable',
				`PDF needs Chromium, and there is none at ${chromiumPath} (set ASPA_CHROMIUM, or install Debian's chromium). Use --format html and print that from a browser.`
			)
		);
	}
	const run = queue.then(() => print(html, chromiumPath));
	queue = run.catch(() => undefined);
	return run;
}

async function print(html: string, chromiumPath: string): Promise<Uint8Array> {
	const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
	try {
		// The file is self-contained and has no script: nothing runs and nothing is fetched.
		const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
		const page = await context.newPage();
		await page.setContent(html, { waitUntil: 'load' });
		const pdf = await page.pdf({
			format: 'A4',
			preferCSSPageSize: true,
			printBackground: true,
			tagged: true,
			outline: true,
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#333"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'
		});
		return new Uint8Array(pdf);
	} finally {
		await browser.close();
	}
}
