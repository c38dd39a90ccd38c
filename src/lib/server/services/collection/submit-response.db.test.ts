import { beforeEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '#lib/core/errors.ts';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { listAnswerFacets } from '#lib/server/db/responses.ts';
import { newUser } from '../../../../test/account-builders.ts';
import { newCollectionFixture, testSurvey, type CollectionFixture } from '../../../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../../../test/db.ts';
import { newActor } from '../../../../test/org-builders.ts';
import { issueTokens } from './issue-tokens.ts';
import { submitResponse } from './submit-response.ts';

const base = new Date('2026-06-01T09:00:00Z');
const day = 24 * 60 * 60 * 1000;

function answers(fixture: CollectionFixture, extra: RawFormData = {}): RawFormData {
	return {
		'q.service': '4',
		'q.age': '15-29',
		'q.home': fixture.tree.libraryKey,
		'q.channels': ['web', 'other'],
		'q.channels.other': 'puhelin',
		'q.staff.friendly': '5',
		'q.staff.expert': 'na',
		'q.comment': 'Kiitos hyvästä palvelusta!',
		submissionId: 'ignored: not an answer field',
		...extra
	};
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught
	);
	if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
	return error;
}

async function responseCount(env: TestEnv, studyId: number): Promise<number> {
	const row = await env.db.selectFrom('response').select((eb) => eb.fn.countAll<number>().as('n')).where('studyId', '=', studyId).executeTakeFirstOrThrow();
	return Number(row.n);
}

describeDb('submitResponse', (env) => {
	beforeEach(() => env().setNow(base));

	it('stores the response with its segment values and exactly the answer rows flattenAnswers gives', async () => {
		const fixture = await newCollectionFixture(env());
		const values = answers(fixture);
		const result = await submitResponse(env(), { collector: { mode: 'survey', slug: fixture.slug }, submissionId: randomUUID(), values, language: 'fi' });
		expect(result.created).toBe(true);
		const row = await env().db.selectFrom('response').selectAll().where('id', '=', result.responseId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			studyId: fixture.studyId,
			roundId: fixture.roundId,
			collectorId: fixture.collectorId,
			libraryId: fixture.tree.libraryId,
			channel: 'web',
			language: 'fi',
			instrumentVersionId: fixture.versionId,
			ageBand: '15-29',
			homeLibraryId: fixture.tree.libraryId,
			gender: null,
			flag: null,
			enteredBy: null,
			segments: { age_band: '15-29', home_library: fixture.tree.libraryKey }
		});
		expect(row.submittedAt.getTime()).toBe(base.getTime());
		const expected = checkSubmission(testSurvey(), values, {
			locale: 'fi',
			optionSources: { libraries: [{ code: fixture.tree.libraryKey, label: { fi: 'x' } }] }
		});
		if (!expected.ok) throw new Error('fixture answers should be valid');
		const stored = await listAnswerFacets(env().db, result.responseId);
		const key = (facet: { itemId: string; facet: string }) => `${facet.itemId}/${facet.facet}`;
		expect([...stored].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected.facets].sort((a, b) => key(a).localeCompare(key(b))));
	});

	it('stores nothing new for a second submission with the same id and returns the same response id', async () => {
		const fixture = await newCollectionFixture(env());
		const input = { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers(fixture), language: 'fi' };
		const first = await submitResponse(env(), input);
		const second = await submitResponse(env(), { ...input, values: answers(fixture, { 'q.service': '1' }) });
		expect(second).toEqual({ responseId: first.responseId, created: false, flagged: false });
		expect(await responseCount(env(), fixture.studyId)).toBe(1);
		const service = (await listAnswerFacets(env().db, first.responseId)).find((facet) => facet.itemId === 'service');
		expect(service?.numberValue).toBe(4);
	});

	it('stores one response when the same submission arrives many times at once', async () => {
		const fixture = await newCollectionFixture(env());
		const input = { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers(fixture), language: 'sv' };
		const results = await Promise.all(Array.from({ length: 8 }, () => submitResponse(env(), input)));
		expect(new Set(results.map((result) => result.responseId)).size).toBe(1);
		expect(results.filter((result) => result.created)).toHaveLength(1);
		expect(await responseCount(env(), fixture.studyId)).toBe(1);
		const answerRows = await env().db.selectFrom('answer').select('itemId').where('responseId', '=', results[0]!.responseId).execute();
		expect(answerRows.filter((row) => row.itemId === 'service')).toHaveLength(1);
	});

	it('returns the issues per item and stores nothing when answers are invalid', async () => {
		const fixture = await newCollectionFixture(env());
		const error = await rejection(
			submitResponse(env(), {
				collector: { id: fixture.collectorId },
				submissionId: randomUUID(),
				values: answers(fixture, { 'q.service': '', 'q.age': 'teen', 'q.home': 'not-a-library' }),
				language: 'fi'
			})
		);
		expect(error.code).toBe('submission_invalid');
		const issues = error.details.issues as { itemId: string; field: string; code: string }[];
		expect(issues.map((issue) => [issue.itemId, issue.field, issue.code])).toEqual([
			['service', 'q.service', 'required'],
			['age', 'q.age', 'not_an_option'],
			['home', 'q.home', 'not_an_option']
		]);
		expect(await responseCount(env(), fixture.studyId)).toBe(0);
	});

	it('refuses a submission id that is not a UUID', async () => {
		const fixture = await newCollectionFixture(env());
		const error = await rejection(submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: 'abc', values: answers(fixture), language: 'fi' }));
		expect(error.code).toBe('invalid_submission_id');
	});

	it('refuses answers before the round opens and after it closes, but returns a response stored while it was open', async () => {
		const fixture = await newCollectionFixture(env(), { opensInDays: 1, closesInDays: 10 });
		const submit = (submissionId: string) => submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId, values: answers(fixture), language: 'fi' });
		expect((await rejection(submit(randomUUID()))).code).toBe('round_not_open');
		env().setNow(new Date(base.getTime() + 2 * day));
		const stored = await submit(randomUUID());
		const retryId = randomUUID();
		const retried = await submit(retryId);
		env().setNow(new Date(base.getTime() + 11 * day));
		const error = await rejection(submit(randomUUID()));
		expect(error.code).toBe('round_closed');
		expect(error.details.status).toBe('closed');
		expect(await submit(retryId)).toEqual({ responseId: retried.responseId, created: false, flagged: false });
		expect(stored.created).toBe(true);
		expect(await responseCount(env(), fixture.studyId)).toBe(2);
	});

	it('lets staff type in paper forms until 30 days after the round closed, and records who did', async () => {
		const fixture = await newCollectionFixture(env(), { channel: 'paper', closesInDays: 1 });
		const staff = await newUser(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.libraryId }]);
		const enter = () => submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers(fixture), language: 'fi', enteredBy: staff });
		env().setNow(new Date(base.getTime() + 30 * day));
		const entered = await enter();
		const row = await env().db.selectFrom('response').select(['enteredBy', 'channel']).where('id', '=', entered.responseId).executeTakeFirstOrThrow();
		expect(row).toEqual({ enteredBy: staff.id, channel: 'paper' });
		env().setNow(new Date(base.getTime() + 31 * day + 1000));
		expect((await rejection(enter())).code).toBe('round_closed');
		env().setNow(new Date(base.getTime() + 2 * day));
		await expect(submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers(fixture), language: 'fi' })).rejects.toMatchObject({ code: 'round_closed' });
	});

	it('refuses paper entry by someone without response.enter on the library', async () => {
		const fixture = await newCollectionFixture(env(), { channel: 'paper' });
		const outsider = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: fixture.tree.outsideLibraryId }]);
		const error = await rejection(
			submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers(fixture), language: 'fi', enteredBy: outsider })
		);
		expect(error.kind).toBe('forbidden');
	});

	it('flags identical submissions beyond five within two minutes on a public collector, and not others', async () => {
		const fixture = await newCollectionFixture(env());
		const submit = (values: RawFormData) => submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values, language: 'fi' });
		const flags: boolean[] = [];
		for (let i = 0; i < 7; i++) {
			env().setNow(new Date(base.getTime() + i * 10_000));
			flags.push((await submit(answers(fixture))).flagged);
		}
		expect(flags).toEqual([false, false, false, false, false, true, true]);
		expect((await submit(answers(fixture, { 'q.service': '2' }))).flagged).toBe(false);
		env().setNow(new Date(base.getTime() + 10 * 60_000));
		expect((await submit(answers(fixture))).flagged).toBe(false);
		const flagged = await env().db.selectFrom('response').select('id').where('studyId', '=', fixture.studyId).where('flag', '=', 'burst').execute();
		expect(flagged).toHaveLength(2);
	});

	it('never flags a kiosk, where the same smiley is tapped over and over', async () => {
		const fixture = await newCollectionFixture(env(), { channel: 'kiosk' });
		const results = [];
		for (let i = 0; i < 8; i++) {
			results.push(await submitResponse(env(), { collector: { mode: 'kiosk', slug: fixture.slug }, submissionId: randomUUID(), values: answers(fixture), language: 'fi' }));
		}
		expect(results.some((result) => result.flagged)).toBe(false);
	});

	it('refuses a second answer from a device that has answered when the study allows one per device', async () => {
		const fixture = await newCollectionFixture(env(), { onePerDevice: true });
		const submissionId = randomUUID();
		const input = { collector: { id: fixture.collectorId }, submissionId, values: answers(fixture), language: 'fi' };
		const first = await submitResponse(env(), input);
		expect(await submitResponse(env(), { ...input, deviceHasAnswered: true })).toMatchObject({ responseId: first.responseId, created: false });
		expect((await rejection(submitResponse(env(), { ...input, submissionId: randomUUID(), deviceHasAnswered: true }))).code).toBe('already_answered');
	});

	it('records an unoffered language as the instrument base language', async () => {
		const fixture = await newCollectionFixture(env());
		const result = await submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers(fixture), language: 'en' });
		const row = await env().db.selectFrom('response').select('language').where('id', '=', result.responseId).executeTakeFirstOrThrow();
		expect(row.language).toBe('fi');
	});

	it('answers collector_not_found for unknown and archived collectors', async () => {
		const fixture = await newCollectionFixture(env());
		await env().db.updateTable('collector').set({ archivedAt: base }).where('id', '=', fixture.collectorId).execute();
		for (const collector of [{ id: fixture.collectorId }, { mode: 'survey' as const, slug: 'no-such-slug' }]) {
			expect((await rejection(submitResponse(env(), { collector, submissionId: randomUUID(), values: answers(fixture), language: 'fi' }))).code).toBe('collector_not_found');
		}
	});

	it('stores nothing when the collector, study or round changed after a submission read them, and says why (ADR 0022)', async () => {
		const fixture = await newCollectionFixture(env(), { usesTokens: true });
		const [first, second] = (await issueTokens(env(), fixture.admin, { studyId: fixture.studyId, roundId: fixture.roundId, count: 2 })).tokens;
		const submit = (token: string | null) =>
			submitResponse(env(), { collector: { mode: 'survey', slug: fixture.slug }, submissionId: randomUUID(), values: answers(fixture), language: 'fi', token });
		// The first submission reads the collector, which the next ones may start from.
		expect((await submit(first!)).created).toBe(true);
		const usedTokens = async () =>
			Number((await sql<{ n: number }>`select count(*)::int as n from response_token where round_id = ${fixture.roundId} and used_at is not null`.execute(env().db)).rows[0]!.n);

		// Changed behind this process's back (another server, the CLI): the store's guard sees it.
		await sql`update study_round set closes_at = ${new Date(base.getTime() - 60_000)} where id = ${fixture.roundId}`.execute(env().db);
		expect((await rejection(submit(second!))).code).toBe('round_closed');
		await sql`update study_round set closes_at = ${new Date(base.getTime() + 30 * day)} where id = ${fixture.roundId}`.execute(env().db);
		await sql`update study set uses_tokens = false where id = ${fixture.studyId}`.execute(env().db);
		await sql`update collector set archived_at = ${base} where id = ${fixture.collectorId}`.execute(env().db);
		expect((await rejection(submit(second!))).code).toBe('collector_not_found');
		expect(await responseCount(env(), fixture.studyId)).toBe(1);
		expect(await usedTokens()).toBe(1);

		// Back in service without tokens: a submission without one is admitted.
		await sql`update collector set archived_at = null where id = ${fixture.collectorId}`.execute(env().db);
		expect((await submit(null)).created).toBe(true);
		expect(await responseCount(env(), fixture.studyId)).toBe(2);
	});

	it('admits a submission to a round opened after the collector was last read', async () => {
		const fixture = await newCollectionFixture(env(), { opensInDays: -10, closesInDays: -1 });
		const submit = () => submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: answers(fixture), language: 'fi' });
		expect((await rejection(submit())).code).toBe('round_closed');
		await sql`update study_round set closes_at = ${new Date(base.getTime() + day)} where id = ${fixture.roundId}`.execute(env().db);
		expect((await submit()).created).toBe(true);
	});

	it('has no column that could hold an IP address or a person', async () => {
		const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'response'`.execute(env().db);
		const names = rows.map((row) => row.name);
		expect(names).toContain('submission_id');
		expect(names.filter((name) => /ip|addr|agent|email|token|user_id/.test(name))).toEqual([]);
	});
});
