import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { isShown, type Figure, type ReportModel } from '#lib/core/report/model.ts';
import type { Db } from '#lib/server/db/client.ts';
import { createCollector } from '../collection/create-collector.ts';
import { createInstrument } from '../collection/create-instrument.ts';
import { createRound } from '../collection/create-round.ts';
import { createStudy } from '../collection/create-study.ts';
import { publishInstrument } from '../collection/publish-instrument.ts';
import { saveInstrumentDraft } from '../collection/save-instrument-draft.ts';
import { submitResponse } from '../collection/submit-response.ts';
import { describeDb, type TestEnv } from '../../../../test/db.ts';
import { newActor, newAdmin, uniqueSuffix } from '../../../../test/org-builders.ts';
import { buildStudyReport, listReportableStudies, listReportScopes, type ReportRequest } from './build-report.ts';
import { updateReportSettings } from './update-report-settings.ts';

/**
 * The report service on a real database: a network N with libraries L and L2 in municipality M
 * and L3 in municipality M2. Library L2 moves from M to M2 on 2025-06-01, between round 1 (opens
 * 2025-01-10) and round 2 (opens 2026-01-10), so M is L + L2 in round 1 and L alone in round 2.
 */
interface World {
	admin: Actor;
	studyKey: string;
	network: { id: number; key: string };
	municipality: { id: number; key: string };
	otherMunicipality: { id: number; key: string };
	libraries: { id: number; key: string }[];
}

async function insertUnit(db: Db, table: 'network' | 'municipality' | 'library', key: string, name: string): Promise<{ id: number; key: string }> {
	const values = table === 'network' ? { key, kind: 'consortium' as const, nameFi: name } : table === 'library' ? { key, kind: 'main' as const, nameFi: name } : { key, nameFi: name };
	const row = await db.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow();
	return { id: row.id, key };
}

async function world(env: TestEnv): Promise<World> {
	const { db } = env;
	const s = uniqueSuffix();
	const admin = await newAdmin(db);
	const network = await insertUnit(db, 'network', `n-${s}`, 'Verkosto N');
	const municipality = await insertUnit(db, 'municipality', `m-${s}`, 'Kunta M');
	const otherMunicipality = await insertUnit(db, 'municipality', `m2-${s}`, 'Kunta M2');
	const libraries = [await insertUnit(db, 'library', `l-${s}`, 'Kirjasto L'), await insertUnit(db, 'library', `l2-${s}`, 'Kirjasto L2'), await insertUnit(db, 'library', `l3-${s}`, 'Kirjasto L3')];
	const [l, l2, l3] = [libraries[0]!, libraries[1]!, libraries[2]!];
	await db
		.insertInto('libraryMunicipality')
		.values([
			{ libraryId: l.id, municipalityId: municipality.id, validFrom: '2020-01-01' },
			{ libraryId: l2.id, municipalityId: municipality.id, validFrom: '2020-01-01', validTo: '2025-06-01' },
			{ libraryId: l2.id, municipalityId: otherMunicipality.id, validFrom: '2025-06-01' },
			{ libraryId: l3.id, municipalityId: otherMunicipality.id, validFrom: '2020-01-01' }
		])
		.execute();
	await db
		.insertInto('networkLibrary')
		.values(libraries.map((library) => ({ networkId: network.id, libraryId: library.id, validFrom: '2020-01-01' })))
		.execute();

	env.setNow(new Date('2024-12-01T09:00:00Z'));
	const { instrument } = await createInstrument(env, admin, { key: `ins-${s}`, name: { fi: 'Kysely' }, kind: 'survey' });
	await saveInstrumentDraft(env, admin, {
		instrumentId: instrument.id,
		definition: newInstrument([
			newItem.rating('friendly', { allowNa: true }),
			newItem.nps('recommend'),
			newItem.singleChoice('age', ['15-29', '30-44', '45-64', '65-plus'], { segment: 'age_band' }),
			newItem.longText('develop')
		])
	});
	const published = await publishInstrument(env, admin, instrument.id);
	if (!published.ok) throw new Error('the test instrument does not publish');
	const studyKey = `study-${s}`;
	const study = await createStudy(env, admin, { key: studyKey, name: { fi: 'Asiakaskysely' }, instrumentId: instrument.id, scope: [{ type: 'network', id: network.id }], confidential: false, usesTokens: false, onePerDevice: false });
	await createRound(env, admin, { studyId: study.id, key: 'r1', name: { fi: 'Kierros 1' }, opensAt: new Date('2025-01-10T00:00:00Z'), closesAt: new Date('2025-03-01T00:00:00Z') });
	await createRound(env, admin, { studyId: study.id, key: 'r2', name: { fi: 'Kierros 2' }, opensAt: new Date('2026-01-10T00:00:00Z'), closesAt: new Date('2026-03-01T00:00:00Z') });
	const collectors = await Promise.all(libraries.map((library) => createCollector(env, admin, { studyId: study.id, libraryId: library.id, channel: 'web' })));

	// Answers per library and round: [friendly, recommend, age].
	const answers: Record<string, [string, string, string][]> = {
		'0:1': [...rows(['5', '10', '15-29'], 3), ...rows(['4', '8', '30-44'], 3), ...rows(['2', '6', '45-64'], 2), ...rows(['3', '9', '65-plus'], 2)],
		'1:1': rows(['1', '3', '45-64'], 3),
		'2:1': [...rows(['4', '9', '30-44'], 6), ...rows(['3', '7', '45-64'], 6)],
		'0:2': [...rows(['5', '10', '15-29'], 5), ...rows(['5', '9', '45-64'], 4), ...rows(['3', '7', '65-plus'], 3), ['na', '2', '30-44']],
		'1:2': rows(['2', '5', '15-29'], 2),
		'2:2': [...rows(['4', '9', '15-29'], 8), ...rows(['3', '6', '65-plus'], 7)]
	};
	for (const [round, start] of [
		[1, '2025-01-20T08:00:00Z'],
		[2, '2026-01-20T08:00:00Z']
	] as const) {
		let clock = Date.parse(start);
		for (const [index, collector] of collectors.entries()) {
			for (const [friendly, recommend, age] of answers[`${index}:${round}`] ?? []) {
				clock += 3 * 60 * 1000; // past the burst rule's two minutes
				env.setNow(new Date(clock));
				await submitResponse(env, {
					collector: { id: collector.id },
					submissionId: randomUUID(),
					values: { 'q.friendly': friendly, 'q.recommend': recommend, 'q.age': age, 'q.develop': 'Aukioloajat voisivat olla pidemmät.' },
					language: 'fi'
				});
			}
		}
	}
	env.setNow(new Date('2026-06-01T09:00:00Z'));
	return { admin, studyKey, network, municipality, otherMunicipality, libraries };
}

function rows(row: [string, string, string], count: number): [string, string, string][] {
	return Array.from({ length: count }, () => row);
}

const values = (cells: readonly Figure[]) => cells.map((cell) => (isShown(cell) ? Math.round(cell.value * 1000) / 1000 : cell.suppressed));

describeDb('report service', (env) => {
	let w: World;
	beforeAll(async () => {
		w = await world(env());
	});
	const request = (type: string, key: string, filter: ReportRequest['filter'] = {}): ReportRequest => ({ studyKey: w.studyKey, scope: { type, key }, filter, locale: 'fi' });
	const director = () => newActor(env().db, [{ role: 'director', scopeType: 'library', scopeId: w.libraries[0]!.id }]);

	it('gives a director their library against its municipality and network, with the structure of each round', async () => {
		const model = await buildStudyReport(env(), await director(), request('library', w.libraries[0]!.key));
		expect(model.columns.map((column) => column.key)).toEqual([`unit:library:${w.libraries[0]!.key}`, `unit:municipality:${w.municipality.key}`, `unit:network:${w.network.key}`]);
		const byRound = model.overview.tables.find((table) => table.id === 'overview.respondents.rounds')!;
		// Round 1: L 10, M = L + L2 = 13 (hidden: 3 besides L), N 25; round 2: L 13, M = L alone 13, N 30.
		expect(byRound.rows.map((row) => values(row.cells))).toEqual([
			[10, 'complementary', 25],
			[13, 13, 30]
		]);
		const friendly = model.questions.find((question) => question.itemId === 'friendly')!;
		// Round 2, L: 9 fives of 12 valid answers (3 threes, one N/A); the municipality is L alone; the
		// network adds L2 (two 2s) and L3 (eight 4s, seven 3s): 17 of 29.
		expect(values(friendly.headline!.cells)).toEqual([75, 75, 58.621]);
		const change = friendly.tables.find((table) => table.id === 'friendly.change')!;
		// Round 1, L: 3 fives + 3 fours of 10 = 60 %; the municipality hidden in round 1.
		expect(values(change.rows[0]!.cells)).toEqual([60, 75]);
		expect(values(change.rows[1]!.cells)).toEqual(['complementary', 75]);
		expect(model.openText).toHaveLength(1);
		expect(model.openText[0]).toMatchObject({ itemId: 'develop', answers: 13 });
	});

	it('refuses a director the municipality and network reports, and staff any other library', async () => {
		const boss = await director();
		await expect(buildStudyReport(env(), boss, request('network', w.network.key))).rejects.toMatchObject({ kind: 'forbidden' });
		await expect(buildStudyReport(env(), boss, request('municipality', w.municipality.key))).rejects.toMatchObject({ kind: 'forbidden' });
		const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: w.libraries[2]!.id }]);
		await expect(buildStudyReport(env(), staff, request('library', w.libraries[2]!.key))).resolves.toMatchObject({ scope: { key: w.libraries[2]!.key } });
		await expect(buildStudyReport(env(), staff, request('library', w.libraries[0]!.key))).rejects.toMatchObject({ kind: 'forbidden' });
		expect((await listReportScopes(env(), staff, { studyKey: w.studyKey })).map((unit) => unit.key)).toEqual([w.libraries[2]!.key]);
		expect((await listReportScopes(env(), boss, { studyKey: w.studyKey })).map((unit) => unit.key)).toEqual([w.libraries[0]!.key]);
	});

	it('gives a coordinator the network report with its municipalities side by side', async () => {
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: w.network.id }]);
		const model = await buildStudyReport(env(), coordinator, request('network', w.network.key));
		expect(model.columns.map((column) => column.key)).toEqual([`unit:network:${w.network.key}`, `unit:municipality:${w.municipality.key}`, `unit:municipality:${w.otherMunicipality.key}`]);
		const byRound = model.overview.tables.find((table) => table.id === 'overview.respondents.rounds')!;
		// Round 1: M = L + L2 = 13, M2 = L3 = 12; round 2: M = L = 13, M2 = L2 + L3 = 17.
		expect(byRound.rows.map((row) => values(row.cells))).toEqual([
			[25, 13, 12],
			[30, 13, 17]
		]);
		expect((await listReportScopes(env(), coordinator, { studyKey: w.studyKey })).map((unit) => `${unit.type}:${unit.key}`)).toEqual([
			`network:${w.network.key}`,
			`municipality:${w.municipality.key}`,
			`municipality:${w.otherMunicipality.key}`,
			`library:${w.libraries[0]!.key}`,
			`library:${w.libraries[1]!.key}`,
			`library:${w.libraries[2]!.key}`
		]);
		const studies = await listReportableStudies(env(), coordinator);
		expect(studies.find((study) => study.key === w.studyKey)).toMatchObject({ units: 6, rounds: [{ key: 'r1' }, { key: 'r2' }] });
		const outsider = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: (await insertUnit(env().db, 'library', `x-${uniqueSuffix()}`, 'Muu')).id }]);
		expect((await listReportableStudies(env(), outsider)).some((study) => study.key === w.studyKey)).toBe(false);
	});

	it('hides a small library beside the others in a municipality report, and its sibling too', async () => {
		const model = await buildStudyReport(env(), w.admin, request('municipality', w.otherMunicipality.key));
		// Round 2, M2 = L2 (2 respondents) + L3 (15): L2 is small, and 17 − 15 would give it away.
		// M2: 8 of 17 in the top two; the network 17 of 29.
		expect(model.columns.map((column) => column.key)).toEqual([
			`unit:municipality:${w.otherMunicipality.key}`,
			`unit:network:${w.network.key}`,
			`unit:library:${w.libraries[1]!.key}`,
			`unit:library:${w.libraries[2]!.key}`
		]);
		expect(values(model.questions[0]!.headline!.cells)).toEqual([47.059, 58.621, 'small', 'complementary']);
	});

	it('opens a public link without an actor, still suppressing', async () => {
		const model: ReportModel = await buildStudyReport(env(), { kind: 'public-link', linkId: 1 }, request('library', w.libraries[1]!.key, { round: 'r2' }));
		expect(model.questions[0]!.headline!.cells[0]).toEqual({ suppressed: 'small' });
		expect(model.openText[0]).toMatchObject({ answers: 0, themes: [], suppressed: 'small' });
	});

	it('filters by a derived age group and refuses filters it cannot answer', async () => {
		const model = await buildStudyReport(env(), w.admin, request('library', w.libraries[0]!.key, { segment: 'age_band:45-plus' }));
		// Round 2, L, 45+: 4 × 5 (45-64) and 3 × 3 (65-plus): 4 of 7 in the top two. The other 6
		// (5 valid answers) are enough for the unfiltered report not to give the filtered group away.
		expect(values(model.questions[0]!.headline!.cells).slice(0, 1)).toEqual([57.143]);
		await expect(buildStudyReport(env(), w.admin, request('library', w.libraries[0]!.key, { round: 'r9' }))).rejects.toMatchObject({ code: 'invalid_input', details: { fields: { round: 'invalid_choice' } } });
		await expect(buildStudyReport(env(), w.admin, request('library', w.libraries[0]!.key, { segment: 'age_band:45-plus', channel: 'web' }))).rejects.toMatchObject({
			details: { fields: { channel: 'combination' } }
		});
		await expect(buildStudyReport(env(), w.admin, request('library', 'no-such-library'))).rejects.toMatchObject({ kind: 'not_found' });
	});

	it('keeps the minimum group size at 5 or more, and uses a larger one', async () => {
		await expect(updateReportSettings(env(), w.admin, w.studyKey, { minGroupSize: 4 })).rejects.toMatchObject({ code: 'invalid_input', details: { fields: { minGroupSize: expect.any(String) } } });
		const settings = await updateReportSettings(env(), w.admin, w.studyKey, { minGroupSize: 14 });
		expect(settings.minGroupSize).toBe(14);
		expect(settings.derivedGroups.map((group) => group.key)).toContain('45-plus');
		const model = await buildStudyReport(env(), w.admin, request('library', w.libraries[0]!.key));
		expect(model.minGroupSize).toBe(14);
		expect(model.questions[0]!.headline!.cells[0]).toEqual({ suppressed: 'small' });
		await updateReportSettings(env(), w.admin, w.studyKey, { minGroupSize: 5 });
	});
});
