import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser.ts';

// The demo's link-after-chat collector (/s/demo-chat), so these submissions stay apart from the
// respondent-page tests on /s/demo.
const collector = `/api/v1/collectors/demo-chat`;

function submit(body: unknown, language = 'fi'): Promise<Response> {
	return fetch(`${baseUrl()}${collector}/responses`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'accept-language': language },
		body: JSON.stringify(body)
	});
}

const answers = { 'q.channels': ['chat'], 'q.friendliness': 5, 'q.expertise': '4', 'q.digital_services': 'na', 'q.home_library': 'jyvaskyla-main' };

describe('JSON API', () => {
	it('serves the OpenAPI description and the instrument of a demo collector', async () => {
		const openapi = await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json();
		expect(openapi.openapi).toBe('3.1.0');
		expect(Object.keys(openapi.paths)).toContain('/collectors/{slug}/responses');
		const response = await fetch(`${baseUrl()}${collector}/instrument`);
		expect(response.status).toBe(200);
		const instrument = await response.json();
		expect(instrument).toMatchObject({ status: 'open', study: { key: 'demo-customer' }, languages: ['fi', 'sv', 'en'] });
	});

	it('stores a submission once however often it is sent, also in parallel', async () => {
		const body = { submissionId: randomUUID(), language: 'en', answers };
		const first = await submit(body);
		expect(first.status).toBe(201);
		const stored = await first.json();
		const again = await submit(body);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual(stored);

		const parallel = { ...body, submissionId: randomUUID() };
		const results = await Promise.all(Array.from({ length: 6 }, () => submit(parallel)));
		const statuses = results.map((result) => result.status).sort();
		expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
		const ids = new Set(await Promise.all(results.map(async (result) => (await result.json()).responseId)));
		expect(ids.size).toBe(1);
		expect([...ids][0]).not.toBe(stored.responseId);
	});

	it('answers bad answers with localised issues and an unknown collector with 404', async () => {
		const invalid = await submit({ submissionId: randomUUID(), answers: { 'q.friendliness': 9 } }, 'sv');
		expect(invalid.status).toBe(400);
		const body = await invalid.json();
		expect(body.error.code).toBe('submission_invalid');
		expect(body.issues).toContainEqual({ itemId: 'friendliness', field: 'q.friendliness', code: 'out_of_range', message: 'Värdet ligger utanför det tillåtna intervallet.' });
		const missing = await fetch(`${baseUrl()}/api/v1/collectors/no-such-collector/instrument`);
		expect(missing.status).toBe(404);
	});
});
