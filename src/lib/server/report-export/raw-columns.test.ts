import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { arbitraryAnswers } from '#lib/core/instrument/arbitrary-answers.ts';
import { arbitraryInstrument, arbitraryOptionSources } from '#lib/core/instrument/arbitrary-instrument.ts';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import { csvLine, unguardCsvText } from './csv.ts';
import { answerCells, answerColumns, cellsToFormData } from './raw-columns.ts';

const survey = newInstrument([
	newItem.singleChoice('age', ['15-29', '45-64'], { other: { label: { fi: 'Muu' } } }),
	newItem.multipleChoice('channels', ['web', 'desk', 'chat'], { other: { label: { fi: 'Muu' } } }),
	newItem.matrix('staff', ['friendly', 'expert'], { allowNa: true }),
	newItem.libqual('lq', { allowNa: true }),
	newItem.importancePerformance('pair'),
	newItem.longText('comment')
]);

describe('raw export columns', () => {
	it('names one column per item and facet after its form field, LibQUAL without its N/A box', () => {
		expect(answerColumns([survey]).map((column) => column.name)).toEqual([
			'age',
			'age.other',
			'channels',
			'channels.other',
			'staff.friendly',
			'staff.expert',
			'lq.minimum',
			'lq.desired',
			'lq.perceived',
			'pair.importance',
			'pair.performance',
			'comment'
		]);
	});

	it('adds the columns only an older version has after the newest version’s', () => {
		const older = newInstrument([newItem.rating('service'), newItem.longText('comment')]);
		const newer = newInstrument([newItem.longText('comment'), newItem.nps('nps')]);
		expect(answerColumns([newer, older]).map((column) => column.name)).toEqual(['comment', 'nps', 'service']);
	});

	it('writes multiple choice as space-separated codes, N/A as na, scales as numbers', () => {
		const cells = answerCells(survey, {
			channels: { kind: 'multiple_choice', codes: ['web', 'other'], otherText: 'puhelin' },
			staff: { kind: 'matrix', rows: { friendly: 5, expert: 'na' } },
			lq: { kind: 'libqual', value: 'na' },
			pair: { kind: 'importance_performance', importance: 4 }
		});
		expect(Object.fromEntries(cells)).toEqual({
			channels: 'web other',
			'channels.other': 'puhelin',
			'staff.friendly': 5,
			'staff.expert': 'na',
			'lq.minimum': 'na',
			'lq.desired': 'na',
			'lq.perceived': 'na',
			'pair.importance': 4
		});
	});

	it('reads codes separated by spaces, commas or semicolons and all-na LibQUAL as N/A', () => {
		const data = cellsToFormData(
			survey,
			new Map([
				['channels', ' desk;chat, web '],
				['lq.minimum', 'na'],
				['lq.desired', 'na'],
				['lq.perceived', 'na'],
				['comment', '   ']
			])
		);
		expect(data).toEqual({ 'q.channels': ['desk', 'chat', 'web'], 'q.lq.na': 'na' });
	});

	it('round-trips any valid answers through a CSV record back to the same answers', () => {
		fc.assert(
			fc.property(
				arbitraryInstrument().chain((instrument) => fc.tuple(fc.constant(instrument), arbitraryAnswers(instrument))),
				([instrument, answers]) => {
					const columns = answerColumns([instrument]);
					const cells = answerCells(instrument, answers);
					const text = csvLine(columns.map((column) => column.name)) + csvLine(columns.map((column) => cells.get(column.name) ?? null));
					const [header, record] = parse(text, { relax_quotes: false }) as string[][];
					const read = new Map(header!.map((name, index) => [name, unguardCsvText(record![index]!)]));
					const checked = checkSubmission(instrument, cellsToFormData(instrument, read), { locale: 'fi', optionSources: arbitraryOptionSources });
					expect(checked.ok ? [] : checked.issues).toEqual([]);
					expect(checked.answers).toEqual(answers);
				}
			),
			{ numRuns: 200 }
		);
	});
});
