import { describe, expect, it } from 'vitest';
import { reportFixture } from '../fixtures.ts';
import type { ChartKind, ReportChart, ReportTable } from '../model.ts';
import { renderChart, type ChartInput } from './render-chart.ts';
import { divergingSegments } from './diverging.ts';
import { ticks } from './frame.ts';
import { categoryColours, contrast, neutralFill, scaleColours, seriesColours, textOn } from './palette.ts';
import { escapeXml, wrapText } from './svg.ts';

const words = { notShown: 'not shown', notShownReason: (reason: string) => (reason === 'small' ? 'fewer than 5 answers' : 'hidden to protect a small group') };

function inputFor(chart: ReportChart, table: ReportTable, id = 'chart-1'): ChartInput {
	return { chart, table, id, title: table.title, description: `The table "${table.title}" as a chart.`, locale: 'en', words };
}

/** Every chart of the fixture, with its table. */
function fixtureCharts(): ChartInput[] {
	const model = reportFixture();
	return model.questions.flatMap((question) =>
		question.charts.map((chart, i) => inputFor(chart, question.tables.find((table) => table.id === chart.tableId)!, `${question.itemId}-${i}`))
	);
}

/** Checks that the markup's tags nest (a tiny well-formedness check; the markup has no CDATA or comments). */
function tagsBalance(svg: string): boolean {
	const stack: string[] = [];
	for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
		const [, closing, name, selfClosing] = match;
		if (selfClosing) continue;
		if (!closing) stack.push(name!);
		else if (stack.pop() !== name) return false;
	}
	return stack.length === 0;
}

/** The markup inside each `<g data-suppressed>` group (these groups hold no nested `<g>`). */
function suppressedMarks(svg: string): string[] {
	return [...svg.matchAll(/<g data-suppressed="[a-z]+">(.*?)<\/g>/g)].map((match) => match[1]!);
}

describe('report charts', () => {
	it('draws every kind the fixture uses as one well-formed svg with role img, a title and a description', () => {
		const inputs = fixtureCharts();
		const kinds = new Set(inputs.map((input) => input.chart.kind));
		expect([...kinds].sort()).toEqual<ChartKind[]>(['bars', 'diverging', 'dots', 'gap', 'radar', 'stacked']);
		for (const input of inputs) {
			const svg = renderChart(input);
			expect(svg.startsWith('<svg ')).toBe(true);
			expect(tagsBalance(svg), input.chart.tableId).toBe(true);
			expect(svg).toContain('role="img"');
			expect(svg).toContain(`aria-labelledby="${input.id}-title ${input.id}-desc"`);
			expect(svg).toContain(`<title id="${input.id}-title">${escapeXml(input.title)}</title>`);
			expect(svg).toContain(`<desc id="${input.id}-desc">`);
			// A fixed width that CSS scales: the same drawing on a 320 px phone and on paper.
			expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
			expect(svg).not.toMatch(/NaN|undefined|Infinity/);
		}
	});

	it('escapes labels from instruments and organisations', () => {
		const table: ReportTable = {
			id: 't',
			title: 'Q <1> & "2"',
			measure: 'share',
			columns: [
				{ key: 'unit:library:x', kind: 'unit', label: '<script>alert("x")</script>' },
				{ key: 'all', kind: 'all', label: 'All' }
			],
			rows: [
				{ key: 'a', label: "Kids' & teens' <corner>", cells: [{ value: 60, n: 50 }, { value: 55, n: 90 }] },
				{ key: 'b', label: 'Other', cells: [{ value: 40, n: 50 }, { value: 45, n: 90 }] }
			]
		};
		for (const kind of ['stacked', 'bars', 'dots'] as const) {
			const svg = renderChart(inputFor({ kind, tableId: 't' }, table));
			expect(svg).not.toContain('<script');
			expect(svg).not.toContain('<corner>');
			expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
			expect(svg).toContain('Q &lt;1&gt; &amp; &quot;2&quot;');
			expect(tagsBalance(svg)).toBe(true);
		}
	});

	it('draws a suppressed figure as a "not shown" mark that carries no number', () => {
		const model = reportFixture();
		const byAge = model.questions.flatMap((question) => question.tables).find((table) => table.id === 'proactivity.age_band')!;
		const svg = renderChart(inputFor({ kind: 'dots', tableId: byAge.id }, byAge));
		const marks = suppressedMarks(svg);
		// The fixture hides 30–44 (small) and 65+ (complementary).
		expect(marks).toHaveLength(2);
		expect(svg).toContain('data-suppressed="small"');
		expect(svg).toContain('data-suppressed="complementary"');
		for (const mark of marks) {
			expect(mark).toContain('not shown');
			const drawnText = mark.replace(/<title>.*?<\/title>/, '').replace(/<[^>]+>/g, '');
			expect(drawnText).not.toMatch(/\d/);
		}
		// The shown groups keep their values (36 % and 59 %).
		expect(svg).toContain('>36%<');
		expect(svg).toContain('>59%<');
	});

	it('draws a distribution with a hidden column as not shown rather than partly', () => {
		const table: ReportTable = {
			id: 'd',
			title: 'Distribution',
			measure: 'share',
			columns: [
				{ key: 'a', kind: 'unit', label: 'Big library' },
				{ key: 'b', kind: 'unit', label: 'Small library' }
			],
			rows: ['1', '2', '3'].map((key, i) => ({ key, label: `Point ${key}`, cells: [{ value: [20, 30, 50][i]!, n: 80 }, { suppressed: 'small' as const }] }))
		};
		for (const kind of ['stacked', 'diverging'] as const) {
			const svg = renderChart(inputFor({ kind, tableId: 'd', points: ['1', '2', '3'].map((code) => ({ code, label: `Point ${code}` })) }, table));
			const small = svg.slice(svg.indexOf('data-column="b"'));
			expect(small).toContain('data-suppressed="small"');
			expect(small.slice(0, small.indexOf('</g></g>'))).not.toContain('data-segment');
			expect(svg.match(/data-segment=/g)).toHaveLength(3);
		}
	});

	it('gives each chart its own pattern ids, so two charts on one page do not clash', () => {
		const [first, second] = fixtureCharts().filter((input) => input.chart.kind === 'diverging');
		const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!);
		const a = ids(renderChart(first!));
		const b = ids(renderChart(second!));
		expect(a.filter((id) => b.includes(id))).toEqual([]);
		expect(new Set(a).size).toBe(a.length);
	});

	it('leaves N/A out of scale charts: only the rows named by the points are drawn', () => {
		const diverging = fixtureCharts().find((input) => input.chart.kind === 'diverging')!;
		const svg = renderChart(diverging);
		expect(diverging.table.rows.map((row) => row.key)).toContain('na');
		expect(svg).not.toContain('data-segment="na"');
		expect(svg).toContain('data-segment="5"');
	});
});

describe('diverging layout', () => {
	it('centres a five-point distribution on half of the neutral share', () => {
		// Hand-worked: neutral 30 splits ±15; low 20 then 10 leftwards, high 25 then 15 rightwards.
		expect(divergingSegments([10, 20, 30, 25, 15]).map(({ from, to }) => [from, to])).toEqual([
			[-45, -35],
			[-35, -15],
			[-15, 15],
			[15, 40],
			[40, 55]
		]);
	});

	it('centres an even scale between its two middle points', () => {
		expect(divergingSegments([10, 40, 30, 20]).map(({ from, to }) => [from, to])).toEqual([
			[-50, -40],
			[-40, 0],
			[0, 30],
			[30, 50]
		]);
	});
});

describe('chart helpers', () => {
	it('puts round ticks across a domain', () => {
		expect(ticks([0, 100])).toEqual([0, 20, 40, 60, 80, 100]);
		expect(ticks([1, 5])).toEqual([1, 2, 3, 4, 5]);
		expect(ticks([-1, 1])).toEqual([-1, -0.5, 0, 0.5, 1]);
		expect(Object.is(ticks([-1, 1])[2], -0)).toBe(false);
	});

	it('wraps long labels into lines and hyphenates words longer than a line', () => {
		expect(wrapText('Henkilökunta on ystävällistä', 100, 10)).toEqual(['Henkilökunta on', 'ystävällistä']);
		// 60 units of 10-unit text hold 10 characters: 9 and a hyphen, then the rest cut short.
		expect(wrapText('Kirjastonhoitajakoulutus', 60, 10)).toEqual(['Kirjaston-', 'hoitajako…']);
	});

	it('writes text on fills with at least 4.5:1 contrast and keeps scale ends apart', () => {
		for (const count of [2, 3, 4, 5, 7, 9, 11]) {
			const colours = scaleColours(count);
			expect(colours).toHaveLength(count);
			for (const colour of colours) expect(contrast(colour, textOn(colour))).toBeGreaterThanOrEqual(4.5);
			if (count % 2 === 1) expect(colours[(count - 1) / 2]).toBe(neutralFill);
			expect(colours[0]).not.toBe(colours[count - 1]);
		}
		for (const colour of [...categoryColours, ...seriesColours]) expect(contrast(colour, textOn(colour))).toBeGreaterThanOrEqual(4.5);
	});

	it('draws series markers with at least 3:1 contrast against the white page', () => {
		// WCAG 1.4.11 (non-text contrast) for the marks that carry a value in dot and gap charts.
		for (const colour of seriesColours) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
	});
});

describe('category fills', () => {
	it('never repeat a colour with the same hatching within sixty-four categories', async () => {
		const { categoryPattern } = await import('./palette.ts');
		const fills = Array.from({ length: 64 }, (_, i) => `${categoryColours[i % categoryColours.length]}/${categoryPattern(i)}`);
		expect(new Set(fills).size).toBe(64);
	});
});
