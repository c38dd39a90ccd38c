import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newCollectionFixture } from '../../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../../test/db.ts';
import { acceptedLocale, answersToValues } from './api-support.ts';
import { GET as getInstrument } from './collectors/[slug]/instrument/+server.ts';
import { POST as postResponse } from './collectors/[slug]/responses/+server.ts';

type Handler = (event: unknown) => Promise<Response>;

/** Calls a route handler as SvelteKit would, with the test database as the context. */
function call(handler: unknown, env: TestEnv, url: string, init: RequestInit = {}, slug = 'x'): Promise<Response> {
	const request = new Request(`http://aspa.test${url}`, init);
	return (handler as Handler)({ params: { slug }, url: new URL(request.url), request, locals: { ctx: env } });
}

function post(env: TestEnv, slug: string, body: unknown, language = 'fi'): Promise<Response> {
	return call(postResponse, env, `/api/v1/collectors/${slug}/responses`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'accept-language': language },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	}, slug);
}

describe('acceptedLocale', () => {
	it('takes the first offered language by q-value and falls back to Finnish', () => {
		expect(acceptedLocale('de-DE, sv;q=0.8, en;q=0.9')).toBe('en');
		expect(acceptedLocale('sv-FI')).toBe('sv');
		expect(acceptedLocale('de, fr;q=0.5')).toBe('fi');
		expect(acceptedLocale(null)).toBe('fi');
	});
});

describe('answersToValues', () => {
	it('turns JSON answers into form values and drops what a form could not post', () => {
		expect(answersToValues({ 'q.a': 4, 'q.b': ['web', 2], 'q.c': { nested: 1 }, 'q.d': 'na', 'q.e': null })).toEqual({ 'q.a': '4', 'q.b': ['web', '2'], 'q.d': 'na' });
		expect(answersToValues([1, 2])).toEqual({});
	});
});

describeDb('JSON API', (env) => {
	it('serves the published instrument with the round status and languages', async () => {
		const fixture = await newCollectionFixture(env());
		const response = await call(getInstrument, env(), `/api/v1/collectors/${fixture.slug}/instrument`, {}, fixture.slug);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toMatchObject({ status: 'open', languages: ['fi'], baseLanguage: 'fi', instrumentVersionId: fixture.versionId });
		expect(body.definition.sections[0].items[0].id).toBe('service');
		expect(body.optionSources.libraries).toEqual([{ code: fixture.tree.libraryKey, label: { fi: expect.any(String) } }]);
	});

	it('answers 404 with a localised message for an unknown collector, and 400 for an unknown mode', async () => {
		const response = await call(getInstrument, env(), '/api/v1/collectors/nope/instrument', { headers: { 'accept-language': 'sv' } }, 'nope');
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ error: { code: 'collector_not_found', message: 'Enkäten hittades inte eller används inte längre.' } });
		const badMode = await call(getInstrument, env(), '/api/v1/collectors/nope/instrument?mode=popup', {}, 'nope');
		expect(badMode.status).toBe(400);
	});

	it('stores a response once: 201 the first time, 200 with the same id on a retry', async () => {
		const fixture = await newCollectionFixture(env());
		const body = { submissionId: randomUUID(), language: 'fi', answers: { 'q.service': 5, 'q.age': '30-44', 'q.channels': ['desk'] } };
		const first = await post(env(), fixture.slug, body);
		expect(first.status).toBe(201);
		const stored = await first.json();
		const second = await post(env(), fixture.slug, body);
		expect(second.status).toBe(200);
		expect(await second.json()).toEqual(stored);
		const rows = await env().db.selectFrom('response').select('id').where('studyId', '=', fixture.studyId).execute();
		expect(rows).toEqual([{ id: stored.responseId }]);
	});

	it('answers 400 with issues localised by Accept-Language', async () => {
		const fixture = await newCollectionFixture(env());
		const response = await post(env(), fixture.slug, { submissionId: randomUUID(), answers: { 'q.age': 'teen', 'q.channels': ['web', 'web2'] } }, 'en');
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error.code).toBe('submission_invalid');
		expect(body.issues).toEqual([
			{ itemId: 'service', field: 'q.service', code: 'required', message: 'Please answer this question.' },
			{ itemId: 'age', field: 'q.age', code: 'not_an_option', message: 'Choose one of the given options.' },
			{ itemId: 'channels', field: 'q.channels', code: 'not_an_option', message: 'Choose one of the given options.' }
		]);
	});

	it('answers 400 for bad JSON and a missing submission id, 409 when the round is closed', async () => {
		const fixture = await newCollectionFixture(env(), { opensInDays: -10, closesInDays: -1 });
		expect((await post(env(), fixture.slug, '{not json')).status).toBe(400);
		const missing = await post(env(), fixture.slug, { answers: {} });
		expect(missing.status).toBe(400);
		expect((await missing.json()).error.code).toBe('invalid_submission_id');
		const closed = await post(env(), fixture.slug, { submissionId: randomUUID(), answers: { 'q.service': 3 } });
		expect(closed.status).toBe(409);
		expect((await closed.json()).error.code).toBe('round_closed');
	});
});
