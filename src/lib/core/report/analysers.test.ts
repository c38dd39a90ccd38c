import { describe, expect, it } from 'vitest';
import { newInstrument, newItem } from '../instrument/test-builders.ts';
import type { Item } from '../instrument/items.ts';
import { buildReport, type BuildReportInput } from './build-report.ts';
import type { CubeRow } from './cube.ts';
import { isShown, type Figure, type QuestionSection, type ShownFigure } from './model.ts';

/**
 * Headline measures by item kind, one library in one round, cube rows written by hand. Reference
 * values worked by hand and checked with SciPy 1.17 (`stats.t.ppf(0.975, n − 1)` for t-intervals).
 */
const group = 'library:l';

/** Cube rows of one facet from the answers given (numbers, or codes with `numeric` false). */
function facet(itemId: string, facetId: string, answers: readonly (number | string)[]): CubeRow[] {
	const counts = new Map<string, { n: number; value: number }>();
	for (const answer of answers) {
		const code = String(answer);
		const value = typeof answer === 'number' ? answer : 0;
		counts.set(code, { n: (counts.get(code)?.n ?? 0) + 1, value });
	}
	return [...counts].map(([valueCode, { n, value }]) => ({ group, roundId: 1, segmentValue: '', itemId, facet: facetId, valueCode, n, sum: n * value, sumSq: n * value * value }));
}

const answered = (itemId: string, n: number): CubeRow => ({ group, roundId: 1, segmentValue: '', itemId, facet: '*', valueCode: '*', n, sum: 0, sumSq: 0 });

function report(items: Item[], rows: CubeRow[], respondents: number) {
	const input: BuildReportInput = {
		generatedAt: '2026-06-01T09:00:00.000Z',
		locale: 'fi',
		study: { id: 1, key: 's', name: 'S', confidential: false, usesTokens: false },
		instrument: newInstrument(items),
		scope: { type: 'library', id: 1, key: 'l', name: 'L', group },
		comparisons: [],
		children: [],
		members: [{ group, roundId: 1, libraryId: 1 }],
		rounds: [{ id: 1, key: 'r1', name: 'R1', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-02-01T00:00:00.000Z' }],
		filter: { roundId: 1, compareRoundId: null, channel: null, language: null, segment: null, breakdown: null },
		settings: { minGroupSize: 5, derivedGroups: [], comparisons: [] },
		cube: { main: [{ group, roundId: 1, segmentValue: '', itemId: '', facet: '', valueCode: '', n: respondents, sum: 0, sumSq: 0 }, ...rows] }
	};
	return buildReport(input);
}

const shown = (figure: Figure | undefined): ShownFigure => {
	if (!figure || !isShown(figure)) throw new Error(`not shown: ${JSON.stringify(figure)}`);
	return figure;
};
const tableCell = (section: QuestionSection, kind: string, row: string) => shown(section.tables.find((table) => table.id.endsWith(`.${kind}`))!.rows.find((candidate) => candidate.key === row)!.cells[0]);

describe('headline measures by item kind', () => {
	it('importance × performance: the mean gap, the Opportunity Index and the levels', () => {
		// (importance, performance): (5,3) (5,4) (4,4) (4,2) (3,3) (5,5). Gaps 2 1 0 2 0 0: mean 0.8333,
		// t-interval −0.1985…1.8651; OI 7 6 4 6 3 5: mean 5.1667, 3.6219…6.7114.
		const model = report(
			[newItem.importancePerformance('hours')],
			[
				answered('hours', 6),
				...facet('hours', 'importance', [5, 5, 4, 4, 3, 5]),
				...facet('hours', 'performance', [3, 4, 4, 2, 3, 5]),
				...facet('hours', '=gap', [2, 1, 0, 2, 0, 0]),
				...facet('hours', '=oi', [7, 6, 4, 6, 3, 5])
			],
			6
		);
		const section = model.questions[0]!;
		expect(section.headline!.measure).toBe('gap');
		const gap = shown(section.headline!.cells[0]);
		expect(gap.value).toBeCloseTo(5 / 6, 10);
		expect(gap.interval!.low).toBeCloseTo(-0.198463, 5);
		expect(gap.interval!.high).toBeCloseTo(1.86513, 4);
		expect(tableCell(section, 'opportunity', 'opportunity').value).toBeCloseTo(31 / 6, 10);
		expect(tableCell(section, 'opportunity', 'opportunity').interval!.high).toBeCloseTo(6.711394, 5);
		expect(tableCell(section, 'levels', 'importance').value).toBeCloseTo(26 / 6, 10);
		expect(tableCell(section, 'levels', 'performance').value).toBeCloseTo(3.5, 10);
		// Performance 4 or 5 in 3 of 6: the favourable share that TOP-N ranks.
		expect(model.overview.strengths).toEqual([]);
		expect(section.charts.map((chart) => chart.kind)).toContain('gap');
	});

	it('LibQUAL: adequacy and superiority from screened triples, the zone of tolerance and the dropped count', () => {
		// (min, desired, perceived): (5,8,6) (6,9,7) (4,7,7) (7,6,8: inverted, dropped) (5,8,5) (6,8,9).
		// Adequacy 1 1 3 0 3: 1.6 (−0.0659…3.2659); superiority −2 −2 0 −3 1: −1.2; means 5.2, 8.0, 6.8.
		const model = report(
			[newItem.libqual('service')],
			[
				answered('service', 6),
				...facet('service', 'minimum', [5, 6, 4, 5, 6]),
				...facet('service', 'desired', [8, 9, 7, 8, 8]),
				...facet('service', 'perceived', [6, 7, 7, 5, 9]),
				...facet('service', '=adequacy', [1, 1, 3, 0, 3]),
				...facet('service', '=superiority', [-2, -2, 0, -3, 1]),
				...facet('service', '=inverted', [1])
			],
			6
		);
		const section = model.questions[0]!;
		expect(section.headline!.measure).toBe('adequacy');
		const adequacy = shown(section.headline!.cells[0]);
		expect(adequacy.value).toBeCloseTo(1.6, 10);
		expect(adequacy.interval!.low).toBeCloseTo(-0.065867, 5);
		expect(tableCell(section, 'gaps', 'superiority').value).toBeCloseTo(-1.2, 10);
		expect(section.zones).toEqual([{ low: 5.2, high: 8, perceived: 6.8, position: 'within' }]);
		expect(section.tables[0]!.notes).toContainEqual({ kind: 'libqual_dropped', count: 1 });
	});

	it('checklist, multiple choice, school grade, happy index and a number', () => {
		const model = report(
			[
				newItem.checklist('sign', { allowNa: true }),
				newItem.multipleChoice('uses', ['a', 'b', 'c']),
				newItem.schoolGrade('grade'),
				newItem.happyIndex('mood'),
				newItem.number('visits')
			],
			[
				answered('sign', 7),
				...facet('sign', '', ['yes', 'yes', 'yes', 'yes', 'no', 'no', 'na']).map((row) => (row.valueCode === 'yes' ? { ...row, sum: row.n, sumSq: row.n } : row)),
				answered('uses', 6),
				...facet('uses', 'a', ['a', 'a', 'a', 'a', 'a']),
				...facet('uses', 'b', ['b', 'b']),
				...facet('grade', '', [9, 8, 10, 7, 9]),
				...facet('mood', '', [4, 4, 3, 2, 4, 3]),
				{ group, roundId: 1, segmentValue: '', itemId: 'visits', facet: '', valueCode: '#', n: 5, sum: 20, sumSq: 1 + 4 + 9 + 16 + 100 }
			],
			8
		);
		const [sign, uses, grade, mood, visits] = model.questions;
		// Yes 4 of 6 valid: 66.67 %, Wilson 30.00–90.32; N/A 1 of 7 answers; missing 1 of 8 respondents.
		expect(shown(sign!.headline!.cells[0]).value).toBeCloseTo(200 / 3, 10);
		expect(shown(sign!.headline!.cells[0]).interval!.low).toBeCloseTo(29.99933, 4);
		expect(tableCell(sign!, 'distribution', 'na')).toMatchObject({ n: 7, count: 1 });
		expect(tableCell(sign!, 'distribution', 'missing')).toMatchObject({ value: 12.5, n: 8 });
		// Multiple choice: shares of the 6 who answered, not summing to 100.
		expect(uses!.headline).toBeNull();
		expect(uses!.tables[0]!.rows.map((row) => shown(row.cells[0]).value)).toEqual([(100 * 5) / 6, (100 * 2) / 6, 0]);
		// Grade 9 8 10 7 9: mean 8.6, 7.1843…10.0157.
		expect(shown(grade!.headline!.cells[0]).value).toBeCloseTo(8.6, 10);
		expect(shown(grade!.headline!.cells[0]).interval!.low).toBeCloseTo(7.184285, 5);
		// Smileys 4 4 3 2 4 3 weighted 100, 66.7, 33.3, 0 (ADR 0016): 77.78; the t-interval clamped at 100.
		expect(shown(mood!.headline!.cells[0]).value).toBeCloseTo(700 / 9, 10);
		expect(shown(mood!.headline!.cells[0]).interval).toMatchObject({ high: 100 });
		expect(shown(mood!.headline!.cells[0]).interval!.low).toBeCloseTo(49.215757, 5);
		// Number 1 2 3 4 10: mean 4, −0.3899…8.3899.
		expect(shown(visits!.headline!.cells[0]).value).toBe(4);
		expect(shown(visits!.headline!.cells[0]).interval!.high).toBeCloseTo(8.389945, 5);
		// TOP-N: sign (4/6), grade (9–10: 3/5), mood (happy or very happy: 5/6) take part; one each.
		expect(model.overview.strengths.map((entry) => entry.itemId)).toEqual(['mood']);
		expect(model.overview.improvements.map((entry) => entry.itemId)).toEqual(['grade']);
	});

	it('leaves out open text and dates, and numbers matrix rows as on the paper form', () => {
		const model = report([newItem.longText('say'), newItem.date('when'), newItem.matrix('staff', ['kind', 'fast'])], [], 5);
		expect(model.questions.map((question) => [question.number, question.itemId, question.facet])).toEqual([
			['3a', 'staff', 'kind'],
			['3b', 'staff', 'fast']
		]);
		expect(model.questions[0]!.headline!.cells).toEqual([{ suppressed: 'empty' }]);
	});
});
