import { describe, expect, it } from 'vitest';
import { newInstrument, newItem } from '../instrument/test-builders.ts';
import { buildReport, type BuildReportInput } from './build-report.ts';
import { isShown, type Figure, type ReportModel, type ReportTable, type ShownFigure } from './model.ts';
import { defaultComparisons, type ReportSettings } from './settings.ts';
import { foldCube, membersOf, respondents, times, type TestRespondent } from './test-builders.ts';

/**
 * A small report worked by hand: library L (id 1) in municipality M (L and L2) and network N (L, L2,
 * L3), rounds r1 (id 1) and r2 (id 2). In r2 the municipality holds only 3 respondents besides L,
 * so it must disappear (complementary); age bands 65-plus (4) and 45-64 (hiding it) too.
 * Reference values: Wilson, t-interval, NPS adjusted Wald by the formulas cited in stats/, tests by
 * SciPy 1.17 (`stats.norm.sf`, `stats.ttest_ind(equal_var=False)`, `stats.chi2_contingency(
 * correction=False)`), Holm by hand.
 */
const ages = (a: number, b: number, c: number, d: number) => [...times(a, '15-29'), ...times(b, '30-44'), ...times(c, '45-64'), ...times(d, '65-plus')];

function people(): TestRespondent[] {
	const l2 = ages(6, 5, 5, 4);
	return [
		// L, r2: 15-29 ×6, 30-44 ×5, 45-64 ×5, 65-plus ×4.
		...respondents(1, 2, { age_band: l2 }, {
			friendly: [5, 4, 3, 3, 2, 2, 5, 5, 4, 3, 4, 5, 5, 5, 4, 4, 5, 5, 4, 'na'],
			recommend: [10, 9, 7, 6, 3, 0, 10, 9, 8, 7, 5, 10, 10, 9, 8, 6, 10, 10, 9, 8],
			age: l2
		}),
		// L2, r2: three respondents (the municipality's remainder).
		...respondents(2, 2, { age_band: times(3, '45-64') }, { friendly: [5, 4, 3], recommend: [9, 8, 2], age: times(3, '45-64') }),
		// L3, r2: thirty.
		...respondents(3, 2, { age_band: ages(10, 10, 5, 5) }, {
			friendly: [...times(10, 5), ...times(10, 4), ...times(5, 3), ...times(3, 2), ...times(2, 1)],
			recommend: [...times(10, 10), ...times(5, 9), ...times(5, 8), ...times(5, 7), ...times(5, 5)],
			age: ages(10, 10, 5, 5)
		}),
		// L, r1.
		...respondents(1, 1, { age_band: ages(5, 5, 5, 5) }, {
			friendly: [5, ...times(3, 4), ...times(6, 3), ...times(6, 2), ...times(4, 1)],
			recommend: [10, 10, 9, 9, 8, 8, 8, 8, 8, 8, 7, 7, 7, 7, 6, 6, 6, 4, 4, 1],
			age: ages(5, 5, 5, 5)
		}),
		...respondents(2, 1, { age_band: times(10, '30-44') }, { friendly: [...times(5, 4), ...times(5, 3)], recommend: times(10, 8), age: times(10, '30-44') }),
		...respondents(3, 1, { age_band: times(30, '45-64') }, { friendly: [...times(5, 5), ...times(10, 4), ...times(10, 3), ...times(5, 2)], recommend: [...times(10, 9), ...times(10, 8), ...times(10, 6)], age: times(30, '45-64') })
	];
}

const members = membersOf({ 'library:l': [1], 'municipality:m': [1, 2], 'network:n': [1, 2, 3] }, [1, 2]);
const settings = (overrides: Partial<ReportSettings> = {}): ReportSettings => ({
	minGroupSize: 5,
	derivedGroups: [{ segment: 'age_band', key: '45-plus', label: { fi: '45+' }, values: ['45-64', '65-plus'] }],
	comparisons: defaultComparisons().filter((comparison) => comparison.segment === 'age_band'),
	...overrides
});

function input(overrides: Partial<BuildReportInput> = {}): BuildReportInput {
	const all = people();
	return {
		generatedAt: '2026-06-01T09:00:00.000Z',
		locale: 'fi',
		study: { id: 7, key: 'kysely', name: 'Kysely', confidential: false, usesTokens: false },
		instrument: newInstrument([
			newItem.rating('friendly', { allowNa: true }),
			newItem.nps('recommend'),
			newItem.singleChoice('age', ['15-29', '30-44', '45-64', '65-plus'], { segment: 'age_band' }),
			newItem.longText('comment')
		]),
		scope: { type: 'library', id: 1, key: 'l', name: 'Kirjasto L', group: 'library:l' },
		comparisons: [
			{ type: 'municipality', id: 10, key: 'm', name: 'Kunta M', group: 'municipality:m' },
			{ type: 'network', id: 20, key: 'n', name: 'Verkosto N', group: 'network:n' }
		],
		children: [],
		members,
		rounds: [
			{ id: 1, key: 'r1', name: 'Kierros 1', opensAt: '2025-01-01T00:00:00.000Z', closesAt: '2025-02-01T00:00:00.000Z' },
			{ id: 2, key: 'r2', name: 'Kierros 2', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-02-01T00:00:00.000Z' }
		],
		filter: { roundId: 2, compareRoundId: 1, channel: null, language: null, segment: null, breakdown: null },
		settings: settings(),
		cube: { main: foldCube(all, members), segmented: [{ key: 'age_band', rows: foldCube(all, members, 'age_band') }] },
		...overrides
	};
}

const table = (model: ReportModel, id: string): ReportTable => {
	const found = [...model.questions.flatMap((question) => question.tables), ...model.overview.tables, ...model.overview.headlines].find((candidate) => candidate.id === id);
	if (!found) throw new Error(`no table ${id}`);
	return found;
};
const cell = (model: ReportModel, id: string, row: string, column: number): Figure => table(model, id).rows.find((candidate) => candidate.key === row)!.cells[column]!;
const shown = (figure: Figure | undefined): ShownFigure => {
	if (!figure || !isShown(figure)) throw new Error(`not shown: ${JSON.stringify(figure)}`);
	return figure;
};

describe('buildReport, hand-worked', () => {
	it('shares a distribution over valid answers and counts N/A and missing apart', () => {
		const model = buildReport(input());
		const share = (code: string) => shown(cell(model, 'friendly.distribution', code, 0));
		// L, r2: 8 × 5, 6 × 4, 3 × 3, 2 × 2, one N/A: 19 valid answers of 20.
		expect(share('5')).toMatchObject({ n: 19, count: 8 });
		expect(share('5').value).toBeCloseTo((100 * 8) / 19, 10);
		expect(share('1')).toMatchObject({ value: 0, n: 19, count: 0 });
		expect(share('na')).toMatchObject({ value: 5, n: 20, count: 1 });
		expect(share('missing')).toMatchObject({ value: 0, n: 20 });
	});

	it('gives top-2-box with its Wilson interval and the mean with its t-interval', () => {
		const model = buildReport(input());
		const top2 = shown(cell(model, 'friendly.top2', 'top2', 0));
		// 14 / 19 = 73.684 %; Wilson 95 %: 51.208–88.194.
		expect(top2.value).toBeCloseTo(73.6842, 3);
		expect(top2.interval!.low).toBeCloseTo(51.2084, 3);
		expect(top2.interval!.high).toBeCloseTo(88.1936, 3);
		const mean = shown(cell(model, 'friendly.mean', 'mean', 0));
		// 77 / 19 = 4.0526, sd 1.02598, t(0.975; 18) = 2.1009: 3.5581–4.5471.
		expect(mean.value).toBeCloseTo(4.05263, 4);
		expect(mean.interval!.low).toBeCloseTo(3.55813, 4);
		expect(mean.interval!.high).toBeCloseTo(4.54714, 4);
		// The network, 52 valid answers with 36 in the top two: 69.23 %, 55.73–80.09.
		const network = shown(cell(model, 'friendly.top2', 'top2', 2));
		expect(network.value).toBeCloseTo(69.2308, 3);
		expect(network.interval!.low).toBeCloseTo(55.7304, 3);
	});

	it('gives NPS with the adjusted-Wald interval', () => {
		const model = buildReport(input());
		// 10 promoters, 5 passives, 5 detractors of 20: NPS 25, interval −11.72…55.19.
		const nps = shown(model.questions.find((question) => question.itemId === 'recommend')!.headline!.cells[0]);
		expect(nps.value).toBe(25);
		expect(nps.interval!.low).toBeCloseTo(-11.7161, 3);
		expect(nps.interval!.high).toBeCloseTo(55.1944, 3);
	});

	it('hides the municipality whose other library has only 3 respondents, everywhere', () => {
		const model = buildReport(input());
		expect(model.columns.map((column) => column.key)).toEqual(['unit:library:l', 'unit:municipality:m', 'unit:network:n']);
		for (const question of model.questions) {
			if (question.headline) expect(question.headline.cells[1]).toEqual({ suppressed: 'complementary' });
			for (const table of question.tables.filter((candidate) => candidate.columns[1]?.key === 'unit:municipality:m')) {
				for (const row of table.rows) expect(row.cells[1]).toEqual({ suppressed: 'complementary' });
			}
		}
		const byRound = table(model, 'overview.respondents.rounds');
		// Respondents: r1 L 20, M 30 (shown: 10 others), N 60; r2 L 20, M hidden, N 53.
		expect(byRound.rows.map((row) => row.cells.map((figure) => (isShown(figure) ? figure.value : figure.suppressed)))).toEqual([
			[20, 30, 60],
			[20, 'complementary', 53]
		]);
	});

	it('tests the round change, adjusts it within the family and calls out the significant one', () => {
		const model = buildReport(input());
		const change = table(model, 'friendly.change');
		expect(change.columns.map((column) => column.key)).toEqual(['round:r1', 'round:r2']);
		const row = change.rows[0]!;
		// 4/20 → 14/19: two-proportion z, p = 0.000775 (SciPy). Holm over the report's five round
		// changes (ADR 0016: one family) — L: friendly, recommend (Welch p = 0.1681), age (chi-square
		// p = 0.9307); N: friendly 24/60 → 36/52 (p = 0.001978), recommend (Welch p = 0.02869); the
		// municipality is hidden in r2 — gives 5 × 0.000775 = 0.003877 and 2 × 0.1681 = 0.3362.
		expect(row.test).toMatchObject({ test: 'two-proportion-z', n: [20, 19], significant: true, columns: [0, 1] });
		expect(row.test!.p).toBeCloseTo(0.00077538, 6);
		expect(row.test!.pAdjusted).toBeCloseTo(0.00387692, 6);
		const recommend = table(model, 'recommend.change').rows[0]!.test!;
		expect(recommend).toMatchObject({ test: 'welch-t', significant: false });
		expect(recommend.p).toBeCloseTo(0.16809584, 6);
		expect(recommend.pAdjusted).toBeCloseTo(0.33619167, 6);
		// The age distribution: 45-64 and 65-plus merged (Cochran), chi-square 0.1435, df 2, p 0.9307.
		const age = table(model, 'age.change');
		expect(age.tests?.[0]).toMatchObject({ test: 'chi-square', columns: [0, 1] });
		expect(age.tests![0]!.p).toBeCloseTo(0.93074463, 6);
		expect(age.notes).toContainEqual({ kind: 'merged_categories', labels: ['45-64 + 65-plus'] });
		expect(model.overview.roundChanges).toHaveLength(1);
		expect(model.overview.roundChanges[0]).toMatchObject({ itemId: 'friendly', measure: 'top2', from: { value: 20, group: { key: 'round:r1' } } });
		expect(model.overview.roundChanges[0]!.difference).toBeCloseTo((100 * 14) / 19 - 20, 10);
	});

	it('tests 15–29 against 45+ and hides the age bands that would give 65+ away', () => {
		const model = buildReport(input());
		const gap = table(model, 'friendly.gap.age_band.15-29.45-plus');
		expect(gap.columns.map((column) => column.key)).toEqual(['segment:age_band:15-29', 'derived:age_band:45-plus']);
		const row = gap.rows[0]!;
		// 2/6 against 8/8: z-test p = 0.006285. Holm over the report's four gap tests (L: friendly, NPS
		// Welch p = 0.1594; N: 12/16 against 10/21, p = 0.09284; NPS p = 0.04351; the municipality's 45+
		// is hidden, being L's 45+ and L2's 3): 4 × 0.006285 = 0.025141.
		expect(shown(row.cells[0]).value).toBeCloseTo(100 / 3, 10);
		expect(shown(row.cells[1]).value).toBe(100);
		expect(row.test!.p).toBeCloseTo(0.00628518, 6);
		expect(row.test!.pAdjusted).toBeCloseTo(0.02514073, 6);
		expect(table(model, 'recommend.gap.age_band.15-29.45-plus').rows[0]!.test!.p).toBeCloseTo(0.15938582, 6);
		expect(gap.rows.map((candidate) => candidate.cells.map((figure) => (isShown(figure) ? figure.n : figure.suppressed)))).toEqual([
			[6, 8],
			[6, 'complementary'],
			[16, 21]
		]);
		expect(gap.rows[2]!.test!.p).toBeCloseTo(0.09284235, 6);
		expect(model.overview.segmentGaps.map((callout) => [callout.itemId, callout.from.group.key, callout.to.group.key])).toEqual([['friendly', 'segment:age_band:15-29', 'derived:age_band:45-plus']]);

		const breakdown = buildReport(input({ filter: { ...input().filter, breakdown: 'age_band' } }));
		expect(breakdown.columns.map((column) => column.key)).toEqual([
			'unit:library:l',
			'segment:age_band:15-29',
			'segment:age_band:30-44',
			'segment:age_band:45-64',
			'segment:age_band:65-plus',
			'derived:age_band:45-plus'
		]);
		const reasons = breakdown.questions[0]!.headline!.cells.map((figure) => (isShown(figure) ? 'shown' : figure.suppressed));
		// 65-plus has 4; 45+ (9) minus 45-64 (5) would give it, so 45-64 goes too.
		expect(reasons).toEqual(['shown', 'shown', 'shown', 'complementary', 'small', 'shown']);
	});

	it('ranks strengths and improvements by favourable share against the nearest shown comparison unit', () => {
		const model = buildReport(input());
		// Two candidates: friendly 14/19 top-2-box, recommend 10/20 promoters; one each.
		expect(model.overview.strengths.map((entry) => [entry.itemId, entry.reason])).toEqual([['friendly', 'high_top2']]);
		expect(model.overview.improvements.map((entry) => [entry.itemId, entry.reason])).toEqual([['recommend', 'low_top2']]);
		const [strength] = model.overview.strengths;
		// The municipality is hidden, so the network: 36/52; tested against the network without L (22/33): p = 0.5975.
		expect(strength!.comparison).toMatchObject({ group: 'unit:network:n', n: 52, count: 36 });
		expect(strength!.test!.p).toBeCloseTo(0.59752008, 6);
		expect(strength!.figure.interval!.low).toBeCloseTo(51.2084, 3);
	});

	it('hides a filtered group when the unfiltered report would give the rest away', () => {
		// Filter 45+: L has 9 of 20 (8 valid answers), the municipality 9 + 3 (hidden: 3 besides L),
		// the network 8 + 3 + 10 = 21 valid answers; the 65-plus filter (L: 4) is small.
		const model = buildReport(input({ filter: { ...input().filter, segment: { key: 'age_band', group: '45-plus' } } }));
		const top2 = table(model, 'friendly.top2').rows[0]!.cells;
		expect(shown(top2[0]).n).toBe(8);
		expect(top2[1]).toEqual({ suppressed: 'complementary' });
		expect(shown(top2[2]).n).toBe(21);
		const small = buildReport(input({ filter: { ...input().filter, segment: { key: 'age_band', group: '65-plus' } } }));
		expect(table(small, 'friendly.top2').rows[0]!.cells[0]).toEqual({ suppressed: 'small' });
		// Filtering a single respondent out of a group would show the group minus one: hidden.
		const all = people();
		const kiosk = (person: TestRespondent) => !(person.libraryId === 1 && person.roundId === 2 && person.answers.recommend === 0);
		const filtered = buildReport(
			input({
				filter: { ...input().filter, channel: 'kiosk' },
				cube: { main: foldCube(all, members, null, kiosk), unfiltered: foldCube(all, members) }
			})
		);
		expect(table(filtered, 'friendly.top2').rows[0]!.cells[0]).toEqual({ suppressed: 'complementary' });
	});

	it('counts respondents by channel, hiding small cells and the cell that would give one away', () => {
		// Round 2: L web 17, kiosk 3; the municipality web 20, kiosk 3; the network web 40, kiosk 13.
		const counts = [
			['library:l', 'web', 17],
			['library:l', 'kiosk', 3],
			['municipality:m', 'web', 20],
			['municipality:m', 'kiosk', 3],
			['network:n', 'web', 40],
			['network:n', 'kiosk', 13]
		] as const;
		const model = buildReport(input({ respondentsBy: counts.map(([group, value, n]) => ({ dimension: 'channel', group, roundId: 2, value, n })) }));
		const channels = table(model, 'overview.respondents.channels');
		expect(channels.rows.map((row) => [row.key, ...row.cells.map((figure) => (isShown(figure) ? figure.value : figure.suppressed))])).toEqual([
			['channel:kiosk', 'small', 'small', 13],
			['channel:web', 'complementary', 'complementary', 40]
		]);
		expect(channels.notes).toContainEqual({ kind: 'min_group', size: 5 });
	});

	it('gives the response rate of a token study, and hides a round with too few answers', () => {
		const model = buildReport(
			input({
				study: { id: 7, key: 'kysely', name: 'Kysely', confidential: true, usesTokens: true },
				tokens: [
					{ roundId: 1, issued: 40, used: 20 },
					{ roundId: 2, issued: 30, used: 3 }
				]
			})
		);
		expect(table(model, 'overview.response_rate').rows.map((row) => row.cells[0])).toEqual([{ value: 50, n: 40, count: 20 }, { suppressed: 'small' }]);
	});

	it('empties an open-text section of a group under the minimum', () => {
		const theme = { key: 'hours', label: 'Aukioloajat', count: 3, quotes: ['Pidemmät aukioloajat'] };
		const sections = [
			{ itemId: 'comment', text: 'Kerro', answers: 4, themes: [theme] },
			{ itemId: 'other', text: 'Muuta', answers: 9, themes: [theme] }
		];
		const model = buildReport(input({ openText: sections }));
		expect(model.openText).toEqual([
			{ itemId: 'comment', text: 'Kerro', answers: 0, themes: [], suppressed: 'small' },
			{ itemId: 'other', text: 'Muuta', answers: 9, themes: [theme] }
		]);
		const filtered = buildReport(input({ openText: sections, filter: { ...input().filter, segment: { key: 'age_band', group: '65-plus' } } }));
		expect(filtered.openText.map((section) => section.suppressed)).toEqual(['small', 'small']);
	});

	it('leaks no suppressed figure anywhere in the model', () => {
		for (const model of [buildReport(input()), buildReport(input({ filter: { ...input().filter, breakdown: 'age_band' } }))]) {
			const json = JSON.parse(JSON.stringify(model)) as unknown;
			const numbers: number[] = [];
			walk(json, (node) => {
				if (typeof node === 'number') numbers.push(node);
				if (node && typeof node === 'object' && 'suppressed' in node && !('itemId' in node)) expect(Object.keys(node)).toEqual(['suppressed']);
			});
			// The hidden municipality in r2: top-2-box 16/22, mean 89/22, NPS (11 − 6)/23, and its 45+
			// (L's 8 valid answers and L2's 3): top-2-box 10/11.
			for (const secret of [(100 * 16) / 22, 89 / 22, (100 * 5) / 23, (100 * 10) / 11]) {
				expect(numbers.filter((value) => Math.abs(value - secret) < 1e-9)).toEqual([]);
			}
		}
	});

	it('refuses to go below a minimum group size of 5 and hides more with a larger one', () => {
		const model = buildReport(input({ settings: settings({ minGroupSize: 25 }) }));
		expect(model.minGroupSize).toBe(25);
		expect(model.questions[0]!.headline!.cells.map((figure) => (isShown(figure) ? 'shown' : figure.suppressed))).toEqual(['small', 'small', 'shown']);
		expect(model.overview.strengths).toEqual([]);
	});
});

function walk(node: unknown, visit: (node: unknown) => void): void {
	visit(node);
	if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
	else if (node && typeof node === 'object') Object.values(node).forEach((child) => walk(child, visit));
}

