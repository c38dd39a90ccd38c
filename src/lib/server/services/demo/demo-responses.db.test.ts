import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeDb } from '../../../../test/db.ts';
import { listAnswerFacets } from '#lib/server/db/responses.ts';
import { submitResponse } from '../collection/submit-response.ts';
import { buildStudyReport } from '../reports/build-report.ts';
import { newAdmin } from '../../../../test/org-builders.ts';
import { loadDemo } from '../load-demo.ts';
import { answersToFormData } from '#lib/core/instrument/form-values.ts';
import { unflattenFacets } from '#lib/core/instrument/facets.ts';
import { publishedInstrument } from '../collection/published-instruments.ts';
import { customerVolumes, smallLibrary } from './demo-responses.ts';
import { demoPulseTaps, demoStaffAnswered, demoStaffIssued } from './load-demo-responses.ts';

const customerTotal = customerVolumes.reduce((sum, volume) => sum + volume.responses[0] + volume.responses[1], 0);

describeDb('demo responses', (env) => {
	async function perStudy() {
		const rows = await env()
			.db.selectFrom('response as r')
			.innerJoin('study as s', 's.id', 'r.studyId')
			.select(['s.key', sql<number>`count(*)::int`.as('n')])
			.groupBy('s.key')
			.execute();
		return Object.fromEntries(rows.map((row) => [row.key, row.n]));
	}

	it('loads the generated responses once: a second `aspa demo` adds nothing', async () => {
		await loadDemo(env());
		const first = await perStudy();
		// The demo's real submissions (5 customer, 2 pulse) come on top of the generated ones.
		expect(first).toEqual({ 'demo-customer': customerTotal + 5, 'demo-pulse': demoPulseTaps + 2, 'demo-staff': demoStaffAnswered });
		const answers = Number((await env().db.selectFrom('answer').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
		await loadDemo(env());
		expect(await perStudy()).toEqual(first);
		expect(Number((await env().db.selectFrom('answer').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n)).toBe(answers);
	});

	it('stores exactly the rows a respondent’s submission of the same answers gives', async () => {
		// A generated response with open text on /s/demo in the open round (not one of the real submissions).
		const stored = await env()
			.db.selectFrom('response as r')
			.innerJoin('collector as c', 'c.id', 'r.collectorId')
			.innerJoin('answerText as t', 't.responseId', 'r.id')
			.selectAll('r')
			.where('c.mode', '=', 'survey')
			.where('c.slug', '=', 'demo')
			.where('t.itemId', '=', 'develop')
			.where('r.roundId', '=', (eb) => eb.selectFrom('studyRound').select(eb.fn.max('id').as('id')).where('studyId', '=', eb.ref('r.studyId')))
			.where(sql<boolean>`r.submission_id::text not like '00000000-%'`)
			.orderBy('r.id')
			.limit(1)
			.executeTakeFirstOrThrow();
		const storedFacets = await listAnswerFacets(env().db, stored.id);
		const instrument = await publishedInstrument(env().db, stored.instrumentVersionId);
		const replay = await submitResponse(env(), {
			collector: { mode: 'survey', slug: 'demo' },
			submissionId: randomUUID(),
			values: answersToFormData(instrument, unflattenFacets(instrument, storedFacets)),
			language: stored.language
		});
		const fresh = await env().db.selectFrom('response').selectAll().where('id', '=', replay.responseId).executeTakeFirstOrThrow();
		const comparable = (row: typeof stored) => ({ ...row, id: 0, submissionId: '', submittedAt: null, flag: null });
		expect(comparable(fresh)).toEqual(comparable(stored));
		const freshFacets = await listAnswerFacets(env().db, fresh.id);
		expect(freshFacets).toEqual(expect.arrayContaining(storedFacets));
		expect(freshFacets).toHaveLength(storedFacets.length);
		expect(storedFacets.some((facet) => facet.itemId === 'develop' && typeof facet.text === 'string')).toBe(true);
		expect(stored.segments).toMatchObject({ age_band: expect.any(String) });
	});

	it('has a small library whose total reaches the minimum group size but no age band does', async () => {
		const rows = await env()
			.db.selectFrom('response as r')
			.innerJoin('library as l', 'l.id', 'r.libraryId')
			.select(['r.roundId', 'r.ageBand', sql<number>`count(*)::int`.as('n')])
			.where('l.key', '=', smallLibrary)
			.groupBy(['r.roundId', 'r.ageBand'])
			.execute();
		const rounds = new Set(rows.map((row) => row.roundId));
		expect(rounds.size).toBe(2);
		for (const round of rounds) {
			const bands = rows.filter((row) => row.roundId === round);
			expect(bands.reduce((sum, row) => sum + row.n, 0)).toBeGreaterThanOrEqual(5);
			expect(Math.max(...bands.map((row) => row.n))).toBeLessThan(5);
		}
	});

	it('uses some of the staff survey’s tokens, so it has a response rate', async () => {
		const tokens = await env()
			.db.selectFrom('responseToken as t')
			.innerJoin('study as s', 's.id', 't.studyId')
			.select([sql<number>`count(*)::int`.as('issued'), sql<number>`count(t.used_at)::int`.as('used')])
			.where('s.key', '=', 'demo-staff')
			.executeTakeFirstOrThrow();
		// The ten known demo tokens stay unused for the respondent pages' tests.
		expect(tokens).toEqual({ issued: demoStaffIssued + 10, used: demoStaffAnswered });
	});

	it('dates nothing in the future and spreads the customer responses over channels and languages', async () => {
		const latest = await env().db.selectFrom('response').select(sql<Date>`max(submitted_at)`.as('at')).executeTakeFirstOrThrow();
		expect(new Date(latest.at).getTime()).toBeLessThanOrEqual(env().now().getTime());
		const rows = await env()
			.db.selectFrom('response as r')
			.innerJoin('study as s', 's.id', 'r.studyId')
			.select(['r.channel', 'r.language'])
			.distinct()
			.where('s.key', '=', 'demo-customer')
			.execute();
		expect(new Set(rows.map((row) => row.channel))).toEqual(new Set(['web', 'qr', 'kiosk', 'paper', 'link']));
		expect(new Set(rows.map((row) => row.language))).toEqual(new Set(['fi', 'sv', 'en']));
	});

	it('gives reports something real: a round change, an age gap, a suppressed small library, a pulse and a staff response rate', async () => {
		const admin = await newAdmin(env().db);
		const report = (studyKey: string, type: string, key: string, filter: Record<string, string> = {}) =>
			buildStudyReport(env(), admin, { studyKey, scope: { type, key }, filter, locale: 'fi' });
		const metso = await report('demo-customer', 'library', 'tampere-metso');
		expect(metso.overview.roundChanges.map((change) => change.itemId)).toEqual(expect.arrayContaining(['proactivity', 'expertise']));
		expect(metso.overview.roundChanges.find((change) => change.itemId === 'proactivity')!.difference).toBeGreaterThan(10);
		const gap = metso.overview.segmentGaps.find((callout) => callout.itemId === 'friendliness');
		expect(gap).toMatchObject({ from: { group: { key: 'segment:age_band:15-29' } }, to: { group: { key: 'derived:age_band:45-plus' } } });
		expect(metso.openText[0]!.themes.length).toBe(3);

		const small = await report('demo-customer', 'library', smallLibrary, { breakdown: 'age_band' });
		const headline = small.questions.find((section) => section.itemId === 'friendliness')!.headline!;
		expect(headline.cells[0]).toMatchObject({ n: 9 });
		expect(headline.cells.slice(1).every((cell) => 'suppressed' in cell)).toBe(true);

		const pulse = await report('demo-pulse', 'library', 'kouvola-main');
		expect(pulse.overview.headlines.flatMap((table) => table.rows.flatMap((row) => row.cells)).some((cell) => 'value' in cell && cell.n >= demoPulseTaps)).toBe(true);
		const staff = await report('demo-staff', 'network', 'pike');
		const rate = staff.overview.tables.find((table) => table.id === 'overview.response_rate')!.rows[0]!.cells[0]!;
		expect(rate).toMatchObject({ n: demoStaffIssued + 10, count: demoStaffAnswered });
		expect(staff.questions.some((section) => section.headline?.cells.some((cell) => 'value' in cell))).toBe(true);
	});
});
