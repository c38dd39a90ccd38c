import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { reportFixture } from '#lib/core/report/fixtures.ts';
import type { Locale } from '#lib/core/org-types.ts';
import ReportOverview from './ReportOverview.svelte';
import QuestionPage from './QuestionPage.svelte';
import ReportTableView from './ReportTableView.svelte';

/**
 * The report views as server-rendered HTML from the fixture model: real data tables, figures in
 * words where they are suppressed, tests named with p and n, links that keep the filters.
 */
function overview(locale: Locale, query = '', print = false): string {
	const model = { ...reportFixture(), locale };
	return render(ReportOverview, { props: { model, locale, search: new URLSearchParams(query), mode: print ? 'print' : 'page' } }).body;
}

/** Finnish and Swedish write a no-break space before the percent sign. */
const nb = (text: string) => text.replaceAll(' %', '\u00a0%');

function cellsOf(html: string, attribute: string): string[] {
	return [...html.matchAll(new RegExp(`<td[^>]*${attribute}[^>]*>(.*?)</td>`, 'gs'))].map((match) => match[1]!.replace(/<!--.*?-->/g, '').trim());
}

describe('report overview', () => {
	it('names the study, the unit, the round and the comparison round', () => {
		const html = overview('en');
		expect(html).toContain('Asiakaspalvelukysely (demo)');
		expect(html).toMatch(/<dd data-round[^>]*>Kierros 2026<\/dd>/);
		expect(html).toMatch(/<dd data-compare[^>]*>Kierros 2025<\/dd>/);
		expect(html).toContain('Figures for groups of fewer than 5 respondents are not shown.');
	});

	it('shows suppressed figures in words only, in every language', () => {
		for (const [locale, small, complementary] of [
			['fi', 'alle 5 vastausta', 'piilotettu pienen ryhmän suojaamiseksi'],
			['sv', 'färre än 5 svar', 'dold för att skydda en liten grupp'],
			['en', 'fewer than 5 answers', 'hidden to protect a small group']
		] as const) {
			const html = overview(locale);
			const hidden = cellsOf(html, 'data-suppressed');
			// The language table hides Swedish (small) and English (complementary) answers of the library.
			expect(hidden).toEqual([small, complementary]);
		}
	});

	it('lists TOP-5 entries with their figure, interval and n, and links them to the question pages with the filters', () => {
		const html = overview('en', 'round=2026&segment=age_band%3A15-29&print=0');
		const strengths = html.slice(html.indexOf('data-top="strengths"'), html.indexOf('data-top="improvements"'));
		expect(strengths).toContain('href="/reports/demo-customer/library/tampere-metso/q/friendliness?round=2026&amp;segment=age_band%3A15-29"');
		expect(strengths).toContain('Agree (top two): 93% (95% CI 88–95), n = 212');
		expect(strengths).toContain('compared with PiKe-kehittämisalue: 90%');
	});

	it('calls out the round change with the test, p and n in words', () => {
		const html = overview('fi');
		const changes = html.slice(html.indexOf('data-callouts="round-changes"'), html.indexOf('data-callouts="segment-gaps"'));
		expect(changes).toContain(nb('Kierros 2025: 38 % → Kierros 2026: 49 %, ero +11 prosenttiyksikköä.'));
		expect(changes).toContain('Kahden osuuden z-testi, p = 0,03, n = 191 ja 212: tilastollisesti merkitsevä ero.');
		const gaps = html.slice(html.indexOf('data-callouts="segment-gaps"'));
		// Adjusted for multiple comparisons (Holm), the p-value differs and both are given.
		expect(gaps).toContain('p = 0,01 (monivertailukorjattu p = 0,02)');
	});

	it('links downloads to the download endpoint with the filters and offers the printable whole report', () => {
		const html = overview('en', 'round=2026&channel=kiosk');
		for (const format of ['xlsx', 'csv', 'pdf', 'json']) {
			expect(html).toContain(`href="/reports/demo-customer/library/tampere-metso/download/${format}?round=2026&amp;channel=kiosk"`);
		}
		expect(html).toContain('href="/reports/demo-customer/library/tampere-metso?round=2026&amp;channel=kiosk&amp;print=1"');
	});

	it('keeps the chosen filters selected in the GET form', () => {
		const html = overview('en', 'segment=age_band%3A45-plus&channel=kiosk&breakdown=age_band');
		expect(html).toMatch(/<form method="get" action="\/reports\/demo-customer\/library\/tampere-metso"/);
		expect(html).toMatch(/<option value="age_band:45-plus" selected[^>]*>\s*45 vuotta tai yli \(combined group\)/);
		expect(html).toMatch(/<option value="kiosk" selected/);
		expect(html).toMatch(/<option value="age_band" selected/);
	});

	it('prints the whole report without filters or downloads: every question, then the open answers', () => {
		const html = overview('en', 'print=1', true);
		expect(html).not.toContain('<form');
		expect(html).not.toContain('data-download');
		expect(html.match(/<section class="report-question"/g)).toHaveLength(reportFixture().questions.length);
		expect(html).toContain('data-open-text="develop"');
		expect(html).toContain('report-print-mode');
	});

	it('shows a shared link the whole report with nothing that leads out of it: TOP-N lists point down the page', () => {
		const model = { ...reportFixture(), locale: 'en' as Locale };
		const html = render(ReportOverview, { props: { model, locale: 'en', mode: 'public' } }).body;
		expect(html).toContain('data-public-report');
		expect(html).not.toContain('<form');
		expect(html).not.toContain('data-download');
		expect(html).not.toContain('href="/reports/');
		expect(html.match(/<section class="report-question"/g)).toHaveLength(model.questions.length);
		const anchors = [...html.matchAll(/href="#(q-[^"]+-heading)"/g)].map((match) => match[1]);
		expect(anchors.length).toBeGreaterThan(0);
		for (const id of anchors) expect(html).toContain(`id="${id}"`);
	});

	it('draws every chart beside a data table with a caption and scoped headers', () => {
		const html = overview('en', '', true);
		const figures = [...html.matchAll(/<figure class="chart-figure" aria-labelledby="([^"]+)"[^>]*>(.*?)<\/figure>/gs)];
		expect(figures.length).toBeGreaterThan(10);
		for (const [, captionId, body] of figures) {
			expect(body).toContain('<svg');
			expect(body).toMatch(new RegExp(`<caption id="${captionId}">[^<]+</caption>`));
			expect(body).toContain('<th scope="col">');
			expect(body).toContain('<th scope="row">');
		}
	});
});

describe('question page', () => {
	it('shows a matrix row by its facet with its table and chart', () => {
		const model = reportFixture();
		const question = model.questions.find((section) => section.facet === 'signage')!;
		const html = render(QuestionPage, { props: { model, locale: 'en', search: new URLSearchParams('facet=signage&round=2026'), question, openText: null } }).body;
		expect(html).toMatch(/<h1 id="[^"]+" class="question-heading">.*Tilat: opasteet/s);
		expect(html).toContain('<input type="hidden" name="facet" value="signage"');
		expect(html).toContain('data-chart="dots"');
		expect(html).toContain('href="/reports/demo-customer/library/tampere-metso?round=2026"');
	});

	it('names the test of a round change in the table beside the chart', () => {
		const model = reportFixture();
		const question = model.questions.find((section) => section.itemId === 'proactivity')!;
		const html = render(QuestionPage, { props: { model, locale: 'en', search: new URLSearchParams(), question, openText: null } }).body;
		expect(html).toContain('<th scope="col">Difference and test</th>');
		expect(html).toContain('Kierros 2025 → Kierros 2026: +11 percentage points. Two-proportion z-test, p = 0.03, n = 191 and 212: a statistically significant difference.');
	});

	it('shows open-text themes with counts and quotes', () => {
		const model = reportFixture();
		const html = render(QuestionPage, { props: { model, locale: 'fi', search: new URLSearchParams(), question: null, openText: model.openText[0]! } }).body;
		expect(html).toContain('aukioloajat <span class="theme-count">(19 mainintaa)</span>');
		expect(html).toContain('<blockquote>Enemmän aukioloaikoja iltaisin.</blockquote>');
		expect(html).toContain('87 vastausta');
	});
});

describe('report table', () => {
	it('puts a shared n in the footer and each figure with its interval in the cells', () => {
		const table = reportFixture().questions.find((section) => section.itemId === 'friendliness')!.tables[1]!;
		const html = render(ReportTableView, { props: { table, locale: 'fi', minGroupSize: 5 } }).body;
		expect(html).toContain('<tfoot>');
		// 92.5 rounds half away from zero, as Intl does.
		expect(html.replace(/<[^>]+>/g, '')).toContain(nb('93 % (95 % lv. 88–95)'));
		expect(html.replace(/<!--.*?-->/g, '')).toMatch(/<th scope="row">n<\/th><td>212<\/td>/);
	});
});

describe('report words for what the builder leaves unlabelled', () => {
	it('words rows, columns and titles from their keys and table ids', async () => {
		const { labelledTable } = await import('./report-words.ts');
		const table = labelledTable(
			{
				id: 'overview.respondents.languages',
				title: '',
				measure: 'respondents',
				columns: [
					{ key: 'all', kind: 'all', label: '' },
					{ key: 'level:perceived', kind: 'all', label: '' }
				],
				rows: [
					{ key: 'language:sv', label: '', cells: [{ value: 9, n: 9 }, { suppressed: 'small' }] },
					{ key: 'na', label: '', cells: [{ value: 1, n: 1 }, { suppressed: 'small' }] },
					{ key: 'top2', label: '', cells: [{ value: 1, n: 1 }, { suppressed: 'small' }] },
					{ key: 'q7', label: '7 Henkilökunta', cells: [{ value: 1, n: 1 }, { suppressed: 'small' }] }
				]
			},
			'overview',
			'en'
		);
		expect(table.title).toBe('Respondents by language');
		expect(table.columns.map((column) => column.label)).toEqual(['All', 'Perceived']);
		expect(table.rows.map((row) => row.label)).toEqual(['Swedish', 'Not applicable / don’t know', 'Agree (top two)', '7 Henkilökunta']);
		const gap = labelledTable(
			{ id: 'friendliness.gap.age_band.15-29.45-plus', title: '', measure: 'top2', columns: [{ key: 'a', kind: 'segment', label: '15–29' }, { key: 'b', kind: 'derived', label: '45+' }], rows: [] },
			'friendliness',
			'fi'
		);
		expect(gap.title).toBe('Ero asiakasryhmien välillä: 15–29 – 45+');
	});
});
