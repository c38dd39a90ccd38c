import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Answers } from '#lib/core/instrument/answers.ts';
import { arbitraryAnswers } from '#lib/core/instrument/arbitrary-answers.ts';
import { arbitraryInstrument } from '#lib/core/instrument/arbitrary-instrument.ts';
import { flattenAnswers, segmentValues } from '#lib/core/instrument/facets.ts';
import { answerableItems, type Instrument } from '#lib/core/instrument/instrument.ts';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import type { CubeGroupMember, CubeQuery, CubeRow } from '#lib/core/report/cube.ts';
import { createRound } from '#lib/server/services/collection/create-round.ts';
import { newCollectionFixture, type CollectionFixture } from '../../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../../test/db.ts';
import { foldPending, queryCube, rebuildCube } from './answer-cube.ts';
import type { Channel } from './schema.ts';
import { deleteResponse, storeResponse } from './responses.ts';
import type { Locale } from '#lib/core/org-types.ts';

interface Study {
	fixture: CollectionFixture;
	instrument: Instrument;
	rounds: number[];
	/** Two libraries and "no library" (null). */
	libraries: (number | null)[];
}

async function newStudy(env: TestEnv, instrument: Instrument): Promise<Study> {
	const fixture = await newCollectionFixture(env, { definition: instrument });
	const second = await createRound(env, fixture.admin, {
		studyId: fixture.studyId,
		key: 'r2',
		name: { fi: 'Kierros 2' },
		opensAt: new Date('2026-07-01T00:00:00Z'),
		closesAt: new Date('2026-08-01T00:00:00Z')
	});
	return { fixture, instrument, rounds: [fixture.roundId, second.id], libraries: [fixture.tree.libraryId, fixture.tree.outsideLibraryId, null] };
}

interface Respondent {
	answers: Answers;
	round: number;
	library: number;
	channel: Channel;
	language: Locale;
}

async function store(env: TestEnv, study: Study, respondent: Respondent, submissionId: string = randomUUID()): Promise<number | undefined> {
	const segments = segmentValues(study.instrument, respondent.answers);
	const stored = await storeResponse(env.db, {
		row: {
			submissionId,
			studyId: study.fixture.studyId,
			roundId: study.rounds[respondent.round]!,
			libraryId: study.libraries[respondent.library]!,
			collectorId: study.fixture.collectorId,
			channel: respondent.channel,
			language: respondent.language,
			instrumentVersionId: study.fixture.versionId,
			submittedAt: new Date('2026-06-01T09:00:00Z'),
			ageBand: segments.age_band ?? null,
			gender: segments.gender ?? null,
			education: segments.education ?? null,
			lifeSituation: segments.life_situation ?? null,
			homeLibraryId: null,
			segments,
			enteredBy: null,
			answerDigest: 'test'
		},
		facets: flattenAnswers(study.instrument, respondent.answers),
		burst: null
	});
	return stored?.id;
}

// ---------------------------------------------------------------------------------------------
// The reference: the same cells worked out in TypeScript from the raw response and answer rows
// (read with plain selects), written from the rules in core/report/cube.ts, not from the SQL.

interface RefCell {
	itemId: string;
	facet: string;
	valueCode: string;
	v: number | null;
}

function referenceCells(kinds: Map<string, string>, rows: { itemId: string; facet: string; optionCode: string | null; numberValue: number | null; isNa: boolean }[]): RefCell[] {
	const cells: RefCell[] = [{ itemId: '', facet: '', valueCode: '', v: null }];
	const counted = rows.filter((row) => row.optionCode !== null || row.numberValue !== null || row.isNa);
	let inverted = 0;
	for (const itemId of new Set(counted.map((row) => row.itemId))) {
		const own = counted.filter((row) => row.itemId === itemId);
		const kind = kinds.get(itemId);
		const number = (facet: string) => {
			const row = own.find((candidate) => candidate.facet === facet);
			return row && !row.isNa ? row.numberValue : null;
		};
		cells.push({ itemId, facet: '*', valueCode: '*', v: null });
		const [minimum, desired, perceived] = [number('minimum'), number('desired'), number('perceived')];
		if (kind === 'libqual' && minimum !== null && desired !== null && minimum > desired) {
			cells.push({ itemId, facet: '=inverted', valueCode: '#', v: 1 });
			inverted++;
			continue;
		}
		for (const row of own) {
			const valueCode = row.isNa ? 'na' : (row.optionCode ?? (kind === 'number' ? '#' : String(row.numberValue)));
			cells.push({ itemId, facet: row.facet, valueCode, v: row.isNa ? null : row.numberValue });
		}
		// Gaps carry their sign as the value code; the Opportunity Index only its sums.
		const derived = (facet: string, v: number) => cells.push({ itemId, facet, valueCode: facet === '=oi' ? '#' : v < 0 ? '-' : v > 0 ? '+' : '0', v });
		if (kind === 'libqual' && minimum !== null && desired !== null && perceived !== null) {
			derived('=adequacy', perceived - minimum);
			derived('=superiority', perceived - desired);
		}
		const [importance, performance] = [number('importance'), number('performance')];
		if (kind === 'importance_performance' && importance !== null && performance !== null) {
			derived('=gap', importance - performance);
			derived('=oi', importance + Math.max(0, importance - performance));
		}
	}
	if (inverted > 0) cells.push({ itemId: '', facet: '=inverted', valueCode: '#', v: inverted });
	return cells;
}

interface RefResponse {
	roundId: number;
	libraryId: number;
	channel: string;
	language: string;
	profile: Record<string, string>;
	cells: RefCell[];
}

async function referenceResponses(env: TestEnv, study: Study): Promise<RefResponse[]> {
	const kinds = new Map(answerableItems(study.instrument).map((item) => [item.id, item.kind as string]));
	const responses = await env.db.selectFrom('response').selectAll().where('studyId', '=', study.fixture.studyId).execute();
	const answers = await env.db
		.selectFrom('answer')
		.innerJoin('response', 'response.id', 'answer.responseId')
		.select(['answer.responseId', 'answer.itemId', 'answer.facet', 'answer.optionCode', 'answer.numberValue', 'answer.isNa'])
		.where('response.studyId', '=', study.fixture.studyId)
		.execute();
	return responses.map((response) => {
		const columns = { age_band: response.ageBand, gender: response.gender, education: response.education, life_situation: response.lifeSituation };
		const profile: Record<string, string> = {};
		for (const [key, value] of Object.entries(columns)) if (value !== null) profile[key] = value;
		Object.assign(profile, response.segments);
		return {
			roundId: response.roundId,
			libraryId: response.libraryId ?? 0,
			channel: response.channel,
			language: response.language,
			profile,
			cells: referenceCells(
				kinds,
				answers.filter((answer) => answer.responseId === response.id)
			)
		};
	});
}

function reference(responses: RefResponse[], query: CubeQuery): CubeRow[] {
	const sums = new Map<string, CubeRow>();
	const members = new Set(query.members.map((member) => JSON.stringify([member.group, member.roundId, member.libraryId])));
	for (const member of members) {
		const [group, roundId, libraryId] = JSON.parse(member) as [string, number, number];
		for (const response of responses) {
			if (response.roundId !== roundId || response.libraryId !== libraryId) continue;
			if (query.channel !== null && response.channel !== query.channel) continue;
			if (query.language !== null && response.language !== query.language) continue;
			const segmentValues = query.segmentKey === null ? [''] : (response.profile[query.segmentKey]?.split(',').filter((value) => value !== '') ?? []);
			for (const segmentValue of segmentValues) {
				for (const cell of response.cells) {
					if (query.itemIds !== null && cell.itemId !== '' && !query.itemIds.includes(cell.itemId)) continue;
					const key = JSON.stringify([group, roundId, segmentValue, cell.itemId, cell.facet, cell.valueCode]);
					const row = sums.get(key) ?? { group, roundId, segmentValue, itemId: cell.itemId, facet: cell.facet, valueCode: cell.valueCode, n: 0, sum: 0, sumSq: 0 };
					row.n += 1;
					row.sum += cell.v ?? 0;
					row.sumSq += (cell.v ?? 0) ** 2;
					sums.set(key, row);
				}
			}
		}
	}
	return sorted([...sums.values()]);
}

function sorted(rows: CubeRow[]): CubeRow[] {
	const key = (row: CubeRow) => JSON.stringify([row.group, row.roundId, row.segmentValue, row.itemId, row.facet, row.valueCode]);
	return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Groups as a report makes them: a library over both rounds, everything, and one library in one round. */
function membersOf(study: Study): CubeGroupMember[] {
	const [first, second] = study.libraries.map((library) => library ?? 0);
	return [
		...study.rounds.map((roundId) => ({ group: 'library:first', roundId, libraryId: first! })),
		...study.rounds.flatMap((roundId) => study.libraries.map((library) => ({ group: 'network:all', roundId, libraryId: library ?? 0 }))),
		{ group: 'library:second-r1', roundId: study.rounds[0]!, libraryId: second! },
		// Listed twice: counts once.
		{ group: 'library:second-r1', roundId: study.rounds[0]!, libraryId: second! }
	];
}

function queriesOf(study: Study, responses: RefResponse[]): CubeQuery[] {
	const base = { studyId: study.fixture.studyId, members: membersOf(study), channel: null, language: null, segmentKey: null, itemIds: null };
	const segmentKeys = [...new Set(responses.flatMap((response) => Object.keys(response.profile)))];
	const someItems = answerableItems(study.instrument)
		.filter((_, index) => index % 2 === 0)
		.map((item) => item.id);
	return [
		base,
		{ ...base, itemIds: someItems },
		{ ...base, channel: 'web' },
		{ ...base, language: 'sv' },
		{ ...base, channel: 'kiosk', language: 'fi' },
		{ ...base, segmentKey: 'no_such_segment' },
		...segmentKeys.map((segmentKey) => ({ ...base, segmentKey }))
	];
}

async function expectCubeMatchesReference(env: TestEnv, study: Study): Promise<void> {
	const responses = await referenceResponses(env, study);
	for (const query of queriesOf(study, responses)) {
		expect(sorted(await queryCube(env.db, query)), JSON.stringify({ ...query, members: undefined })).toEqual(reference(responses, query));
	}
}

async function cubeOf(env: TestEnv, studyId: number) {
	const { rows } = await sql<Record<string, unknown>>`select * from answer_cube where study_id = ${studyId}
		order by round_id, library_id, segment_key, channel, language, segment_value, item_id, facet, value_code`.execute(env.db);
	return rows;
}

const respondent = (instrument: Instrument) =>
	fc.record({
		answers: arbitraryAnswers(instrument),
		round: fc.nat(1),
		library: fc.nat(2),
		channel: fc.constantFrom<Channel>('web', 'kiosk', 'paper'),
		language: fc.constantFrom<Locale>('fi', 'sv', 'en')
	});

describeDb('answer cube', (env) => {
	it('sums random responses exactly as a reference aggregation of the raw rows, through folds and deletes, and a rebuild gives the same cube', async () => {
		// An instrument of info items only does not publish.
		const publishable = arbitraryInstrument().filter((instrument) => answerableItems(instrument).length > 0);
		const scenario = publishable.chain((instrument) =>
			fc.record({
				instrument: fc.constant(instrument),
				first: fc.array(respondent(instrument), { minLength: 1, maxLength: 12 }),
				second: fc.array(respondent(instrument), { minLength: 0, maxLength: 12 }),
				deletions: fc.uniqueArray(fc.nat(23), { maxLength: 6 })
			})
		);
		await fc.assert(
			fc.asyncProperty(scenario, async ({ instrument, first, second, deletions }) => {
				const study = await newStudy(env(), instrument);
				const ids: number[] = [];
				for (const r of first) ids.push((await store(env(), study, r))!);
				await foldPending(env().db, study.fixture.studyId);
				await expectCubeMatchesReference(env(), study);

				// Some responses folded, some pending; delete a mix of both.
				for (const r of second) ids.push((await store(env(), study, r))!);
				for (const index of deletions) if (index < ids.length) expect(await deleteResponse(env().db, ids[index]!)).toBe(true);
				await foldPending(env().db, study.fixture.studyId);
				await expectCubeMatchesReference(env(), study);

				const incremental = await cubeOf(env(), study.fixture.studyId);
				// Parts of three responses: a library's round in several statements that add up.
				const rebuilt = await rebuildCube(env().db, study.fixture.studyId, { chunk: 3 });
				expect(await cubeOf(env(), study.fixture.studyId)).toEqual(incremental);
				expect(rebuilt).toEqual({ responses: ids.length - deletions.filter((index) => index < ids.length).length, rows: incremental.length });
			}),
			{ numRuns: 15 }
		);
	}, 300_000);

	it('works out gaps, the Opportunity Index and LibQUAL adequacy and superiority per respondent, and drops inverted triples', async () => {
		const instrument = newInstrument([newItem.importancePerformance('ip', { allowNa: true }), newItem.libqual('lq', { allowNa: true })]);
		const study = await newStudy(env(), instrument);
		const given = (answers: Answers) => store(env(), study, { answers, round: 0, library: 0, channel: 'web', language: 'fi' });
		await given({ ip: { kind: 'importance_performance', importance: 5, performance: 3 }, lq: { kind: 'libqual', value: { minimum: 4, desired: 7, perceived: 6 } } });
		await given({ ip: { kind: 'importance_performance', importance: 4, performance: 4 }, lq: { kind: 'libqual', value: { minimum: 8, desired: 5, perceived: 6 } } });
		await given({ ip: { kind: 'importance_performance', importance: 2, performance: 5 }, lq: { kind: 'libqual', value: { minimum: 5, desired: 9, perceived: 9 } } });
		await given({ ip: { kind: 'importance_performance', importance: 'na', performance: 3 }, lq: { kind: 'libqual', value: 'na' } });
		await foldPending(env().db, study.fixture.studyId);
		const rows = await queryCube(env().db, {
			studyId: study.fixture.studyId,
			members: [{ group: 'g', roundId: study.rounds[0]!, libraryId: study.libraries[0]! }],
			channel: null,
			language: null,
			segmentKey: null,
			itemIds: null
		});
		const facet = (itemId: string, name: string) =>
			rows
				.filter((row) => row.itemId === itemId && row.facet === name)
				.reduce((total, row) => ({ n: total.n + row.n, sum: total.sum + row.sum, sumSq: total.sumSq + row.sumSq }), { n: 0, sum: 0, sumSq: 0 });
		// Gaps importance − performance: 5−3 = 2, 4−4 = 0, 2−5 = −3 (the N/A pair has none):
		// n 3, sum −1, sum of squares 4 + 0 + 9 = 13.
		expect(facet('ip', '=gap')).toEqual({ n: 3, sum: -1, sumSq: 13 });
		// OI = importance + max(0, importance − performance): 5+2 = 7, 4+0 = 4, 2+0 = 2 → sum 13, squares 49+16+4 = 69.
		expect(facet('ip', '=oi')).toEqual({ n: 3, sum: 13, sumSq: 69 });
		// LibQUAL: (4,7,6) and (5,9,9) count; (8,5,6) has minimum > desired and is dropped; N/A is 'na'.
		// Adequacy perceived − minimum: 2 and 4; superiority perceived − desired: −1 and 0.
		expect(facet('lq', '=adequacy')).toEqual({ n: 2, sum: 6, sumSq: 20 });
		expect(facet('lq', '=superiority')).toEqual({ n: 2, sum: -1, sumSq: 1 });
		expect(facet('lq', 'minimum')).toEqual({ n: 3, sum: 9, sumSq: 41 });
		expect(rows.filter((row) => row.itemId === 'lq' && row.facet === 'minimum').map((row) => [row.valueCode, row.n])).toEqual([
			['4', 1],
			['5', 1],
			['na', 1]
		]);
		expect(facet('lq', '=inverted')).toEqual({ n: 1, sum: 1, sumSq: 1 });
		// Everyone answered both items; the inverted triple still counts as answered.
		expect(facet('lq', '*').n).toBe(4);
		expect(facet('', '').n).toBe(4);
		// One respondent with one inverted triple.
		expect(rows.find((row) => row.itemId === '' && row.facet === '=inverted')).toMatchObject({ valueCode: '#', n: 1, sum: 1 });
		// The sign of each gap is its value code: 2 and 0 and −3 → one each of '+', '0', '-'.
		expect(Object.fromEntries(rows.filter((row) => row.itemId === 'ip' && row.facet === '=gap').map((row) => [row.valueCode, row.n]))).toEqual({ '-': 1, '0': 1, '+': 1 });
		// Importance keeps its distribution, N/A included.
		expect(rows.filter((row) => row.itemId === 'ip' && row.facet === 'importance').map((row) => [row.valueCode, row.n])).toEqual([
			['2', 1],
			['4', 1],
			['5', 1],
			['na', 1]
		]);
	});

	it('counts a respondent of a multi-valued segment under each value, and free numbers under #', async () => {
		const instrument = newInstrument([
			newItem.multipleChoice('uses', ['loans', 'events', 'wifi'], { segment: 'uses' }),
			newItem.singleChoice('age', ['15-29', '45-64'], { segment: 'age_band' }),
			{ id: 'visits', kind: 'number', text: { fi: 'Käyntejä' }, min: 0, max: 100 }
		]);
		const study = await newStudy(env(), instrument);
		const given = (answers: Answers) => store(env(), study, { answers, round: 0, library: 0, channel: 'web', language: 'fi' });
		await given({ uses: { kind: 'multiple_choice', codes: ['loans', 'wifi'] }, age: { kind: 'single_choice', code: '15-29' }, visits: { kind: 'number', value: 12.5 } });
		await given({ uses: { kind: 'multiple_choice', codes: ['loans'] }, age: { kind: 'single_choice', code: '45-64' }, visits: { kind: 'number', value: 3 } });
		await foldPending(env().db, study.fixture.studyId);
		const query = (segmentKey: string | null) =>
			queryCube(env().db, {
				studyId: study.fixture.studyId,
				members: [{ group: 'g', roundId: study.rounds[0]!, libraryId: study.libraries[0]! }],
				channel: null,
				language: null,
				segmentKey,
				itemIds: ['visits', 'uses']
			});
		const byUse = await query('uses');
		expect(byUse.filter((row) => row.itemId === '').map((row) => [row.segmentValue, row.n])).toEqual([
			['loans', 2],
			['wifi', 1]
		]);
		expect(byUse.find((row) => row.segmentValue === 'wifi' && row.itemId === 'visits' && row.facet === '')).toMatchObject({ valueCode: '#', n: 1, sum: 12.5, sumSq: 156.25 });
		// The age band comes from its column as well as from the segments object: counted once.
		expect((await query('age_band')).filter((row) => row.itemId === '').map((row) => [row.segmentValue, row.n])).toEqual([
			['15-29', 1],
			['45-64', 1]
		]);
		expect((await query(null)).find((row) => row.itemId === 'visits' && row.facet === '')).toMatchObject({ valueCode: '#', n: 2, sum: 15.5, sumSq: 165.25 });
		// Multiple choice: one row per selected option (facet = code), and '*' counts respondents.
		const total = await query(null);
		expect(total.filter((row) => row.itemId === 'uses').map((row) => [row.facet, row.valueCode, row.n])).toEqual([
			['*', '*', 2],
			['loans', 'loans', 2],
			['wifi', 'wifi', 1]
		]);
	});

	it('stores nothing twice when a submission is retried', async () => {
		const study = await newStudy(env(), newInstrument([newItem.rating('service')]));
		const submissionId = randomUUID();
		const answers: Answers = { service: { kind: 'rating', value: 4 } };
		expect(await store(env(), study, { answers, round: 0, library: 0, channel: 'web', language: 'fi' }, submissionId)).toBeTypeOf('number');
		expect(await store(env(), study, { answers, round: 0, library: 0, channel: 'web', language: 'fi' }, submissionId)).toBeUndefined();
		expect(await foldPending(env().db, study.fixture.studyId)).toBe(1);
		expect(await foldPending(env().db, study.fixture.studyId)).toBe(0);
		const rows = await queryCube(env().db, {
			studyId: study.fixture.studyId,
			members: [{ group: 'g', roundId: study.rounds[0]!, libraryId: study.libraries[0]! }],
			channel: null,
			language: null,
			segmentKey: null,
			itemIds: null
		});
		expect(rows.map((row) => [row.itemId, row.facet, row.valueCode, row.n, row.sum])).toEqual([
			['', '', '', 1, 0],
			['service', '', '4', 1, 4],
			['service', '*', '*', 1, 0]
		]);
	});

	it('counts once when folds run at the same time as each other, as submits and as deletes', async () => {
		const study = await newStudy(env(), newInstrument([newItem.rating('service'), newItem.singleChoice('age', ['15-29', '45-64'], { segment: 'age_band' })]));
		const answers = (value: number): Answers => ({ service: { kind: 'rating', value }, age: { kind: 'single_choice', code: value > 3 ? '45-64' : '15-29' } });
		const ids: number[] = [];
		for (let i = 0; i < 30; i++) ids.push((await store(env(), study, { answers: answers((i % 5) + 1), round: 0, library: i % 2, channel: 'web', language: 'fi' }))!);
		await foldPending(env().db, study.fixture.studyId);
		const more = Array.from({ length: 20 }, (_, i) => store(env(), study, { answers: answers((i % 5) + 1), round: 1, library: i % 3, channel: 'qr', language: 'sv' }));
		const results = await Promise.all([
			foldPending(env().db, study.fixture.studyId),
			foldPending(env().db, null),
			...more,
			deleteResponse(env().db, ids[0]!),
			deleteResponse(env().db, ids[1]!),
			deleteResponse(env().db, ids[1]!),
			foldPending(env().db, study.fixture.studyId)
		]);
		// The same response deleted twice at once: one of the two deletes it.
		expect([results.at(-3), results.at(-2)].sort()).toEqual([false, true]);
		await foldPending(env().db, study.fixture.studyId);
		expect(await sql`select 1 from cube_pending where study_id = ${study.fixture.studyId}`.execute(env().db).then((r) => r.rows)).toEqual([]);
		await expectCubeMatchesReference(env(), study);
		const incremental = await cubeOf(env(), study.fixture.studyId);
		await rebuildCube(env().db, study.fixture.studyId);
		expect(await cubeOf(env(), study.fixture.studyId)).toEqual(incremental);
	});

	it('folds a backlog batch by batch to the same cube', async () => {
		const study = await newStudy(env(), newInstrument([newItem.rating('service'), newItem.singleChoice('age', ['15-29', '45-64'], { segment: 'age_band' })]));
		for (let i = 0; i < 7; i++) {
			await store(env(), study, { answers: { service: { kind: 'rating', value: (i % 5) + 1 }, age: { kind: 'single_choice', code: i % 2 ? '15-29' : '45-64' } }, round: i % 2, library: i % 3, channel: 'web', language: 'fi' });
		}
		expect(await foldPending(env().db, study.fixture.studyId, { batchSize: 3 })).toBe(7);
		await expectCubeMatchesReference(env(), study);
	});

	it('recomputes the study instead when a tenth of it or more is pending, to the same cube', async () => {
		const study = await newStudy(env(), newInstrument([newItem.rating('service'), newItem.singleChoice('age', ['15-29', '45-64'], { segment: 'age_band' })]));
		const add = (i: number) =>
			store(env(), study, { answers: { service: { kind: 'rating', value: (i % 5) + 1 }, age: { kind: 'single_choice', code: i % 2 ? '15-29' : '45-64' } }, round: i % 2, library: i % 3, channel: 'web', language: 'fi' });
		for (let i = 0; i < 4; i++) await add(i);
		await foldPending(env().db, study.fixture.studyId);
		for (let i = 4; i < 12; i++) await add(i);
		expect(await foldPending(env().db, study.fixture.studyId, { rebuildFrom: 5 })).toBe(8);
		expect(await sql`select 1 from cube_pending where study_id = ${study.fixture.studyId}`.execute(env().db).then((r) => r.rows)).toEqual([]);
		await expectCubeMatchesReference(env(), study);
	});

	it('leaves no cube rows behind when every response is deleted, folded or not', async () => {
		const study = await newStudy(env(), newInstrument([newItem.rating('service', { allowNa: true })]));
		const folded = await store(env(), study, { answers: { service: { kind: 'rating', value: 'na' } }, round: 0, library: 0, channel: 'web', language: 'fi' });
		await foldPending(env().db, study.fixture.studyId);
		const pending = await store(env(), study, { answers: { service: { kind: 'rating', value: 2 } }, round: 0, library: 0, channel: 'web', language: 'fi' });
		expect((await cubeOf(env(), study.fixture.studyId)).length).toBeGreaterThan(0);
		await deleteResponse(env().db, folded!);
		await deleteResponse(env().db, pending!);
		await foldPending(env().db, study.fixture.studyId);
		expect(await cubeOf(env(), study.fixture.studyId)).toEqual([]);
	});
});
