import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadConfig } from '#lib/server/config.ts';
import type { AppContext } from '#lib/server/context.ts';
import { submitResponse } from '#lib/server/services/collection/submit-response.ts';
import { newCollectionFixture } from '../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../test/db.ts';
import type { CommandIo } from '../command.ts';
import { runCli } from '../main.ts';

async function cli(env: TestEnv, argv: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const ctx: AppContext = { ...env, config: loadConfig({}), dbHandle: { ...env.handle, close: async () => {} }, demoCreated: false, close: async () => {} };
	const io: CommandIo = { out: (t) => out.push(t), err: (t) => err.push(t), context: async () => ctx };
	const code = await runCli(argv, io);
	return { code, out: out.join('\n'), err: err.join('\n') };
}

async function cubeRows(env: TestEnv, studyId: number) {
	const { rows } = await sql`select * from answer_cube where study_id = ${studyId}
		order by round_id, library_id, segment_key, channel, language, segment_value, item_id, facet, value_code`.execute(env.db);
	return rows;
}

describeDb('aspa cube', (env) => {
	async function studyWithResponses() {
		const fixture = await newCollectionFixture(env());
		for (const value of ['5', '4', 'na']) {
			await submitResponse(env(), { collector: { id: fixture.collectorId }, submissionId: randomUUID(), values: { 'q.service': '3', 'q.age': '15-29', 'q.staff.friendly': value }, language: 'fi' });
		}
		const { key } = await env().db.selectFrom('study').select('key').where('id', '=', fixture.studyId).executeTakeFirstOrThrow();
		return { fixture, key };
	}

	it('folds the responses stored since the last fold, and nothing the second time', async () => {
		const { fixture, key } = await studyWithResponses();
		expect(await cli(env(), ['cube', 'fold', '--study', key])).toEqual({ code: 0, out: `Folded 3 responses into the answer cube of study ${key}.`, err: '' });
		expect(await cli(env(), ['cube', 'fold', '--study', key])).toMatchObject({ code: 0, out: `Folded 0 responses into the answer cube of study ${key}.` });
		const respondents = await sql<{ n: number }>`select n from answer_cube where study_id = ${fixture.studyId} and item_id = '' and facet = ''
			and segment_key = '' and channel = '*'`.execute(env().db);
		expect(respondents.rows).toEqual([{ n: 3 }]);
	});

	it('rebuilds a damaged cube into the one the folds made', async () => {
		const { fixture, key } = await studyWithResponses();
		await cli(env(), ['cube', 'fold', '--study', key]);
		const folded = await cubeRows(env(), fixture.studyId);
		await sql`delete from answer_cube where study_id = ${fixture.studyId} and item_id = 'staff'`.execute(env().db);
		const result = await cli(env(), ['cube', 'rebuild', '--study', key]);
		expect(result.code).toBe(0);
		expect(result.out).toMatch(new RegExp(`^Rebuilt the answer cube of study ${key}: 3 responses, ${folded.length} rows \\(\\d+\\.\\d s\\)\\.$`));
		expect(await cubeRows(env(), fixture.studyId)).toEqual(folded);
	});

	it('names an unknown study and a missing option', async () => {
		expect(await cli(env(), ['cube', 'rebuild', '--study', 'no-such-study'])).toMatchObject({ code: 1, err: 'Error (study_not_found): No study no-such-study.' });
		const missing = await cli(env(), ['cube', 'rebuild']);
		expect(missing.code).toBe(2);
		expect(missing.err).toContain('--study is required.');
		expect((await cli(env(), ['cube', 'rebuild', '--help'])).out).toContain('Usage: npm run aspa -- cube rebuild --study KEY');
	});
});
