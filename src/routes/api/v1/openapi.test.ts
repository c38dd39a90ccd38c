import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';
import { GET } from './openapi.json/+server.ts';

const here = new URL('.', import.meta.url).pathname;

/** Route folders under src/routes/api/v1 that hold a +server.ts, as OpenAPI paths (`[slug]` → `{slug}`). */
function apiRoutes(dir = here): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return apiRoutes(path);
		return entry === '+server.ts' ? ['/' + relative(here, dir).replace(/\[(\w+)\]/g, '{$1}')] : [];
	});
}

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document once served as JSON', async () => {
		const served = await (GET as unknown as () => Promise<Response>)();
		const parsed = (await served.json()) as typeof openApiDocument;
		expect(parsed.openapi).toBe('3.1.0');
		await expect(SwaggerParser.validate(structuredClone(parsed) as never)).resolves.toBeTruthy();
	});

	it('lists exactly the routes under /api/v1, with their methods', () => {
		const routes = apiRoutes().sort();
		expect(routes).toEqual(['/collectors/{slug}/instrument', '/collectors/{slug}/responses', '/openapi.json']);
		expect(Object.keys(openApiDocument.paths ?? {}).sort()).toEqual(routes);
		expect(Object.keys(openApiDocument.paths?.['/collectors/{slug}/responses'] ?? {})).toEqual(['post']);
	});
});
