import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules live in eslint.config.js; these cases prove each one fires (and stays quiet
// for an allowed import), so that a misconfigured pattern cannot pass silently.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
	it.each([
		['src/lib/core/x.ts', "import { Kysely } from 'kysely';"],
		['src/lib/core/x.ts', "import { readFileSync } from 'node:fs';"],
		['src/lib/core/x.ts', "import { error } from '@sveltejs/kit';"],
		['src/lib/core/x.ts', "import { loadConfig } from '#lib/server/config.ts';"],
		['src/lib/server/db/x.ts', "import { loadDemo } from '#lib/server/services/load-demo.ts';"],
		['src/lib/server/db/x.ts', "import { error } from '@sveltejs/kit';"],
		['src/lib/server/services/x.ts', "import { error } from '@sveltejs/kit';"],
		['src/lib/server/services/x.ts', "import { sql } from 'kysely';"],
		['src/lib/server/auth/x.ts', "import { createContext } from '#lib/server/context.ts';"],
		['src/lib/server/http/x.ts', "import { error } from '@sveltejs/kit';"],
		['src/lib/server/print/x.ts', "import { page } from '$app/state';"],
		['src/lib/server/x.ts', "import { requireActor } from '../../routes/account-guard.ts';"],
		['src/lib/server/db/x.ts', "import { requireActor } from '../../../routes/account-guard.ts';"],
		['src/lib/server/services/x.ts', "import { requireActor } from '../../../routes/account-guard.ts';"],
		['src/routes/x/+page.server.ts', "import { listLibraries } from '#lib/server/db/libraries.ts';"],
		['src/routes/x/+page.server.ts', "import { sql } from 'kysely';"],
		['src/lib/components/X.ts', "import { loadConfig } from '#lib/server/config.ts';"],
		['src/cli/commands/x.ts', "import { load } from '../../routes/+page.server.ts';"]
	])('rejects in %s: %s', async (filePath, code) => {
		expect(await layerErrors(filePath, `${code}\nexport {};\n`)).not.toEqual([]);
	});

	it.each([
		['src/lib/core/x.ts', "import { z } from 'zod';"],
		['src/lib/server/db/x.ts', "import { sql } from 'kysely';"],
		['src/lib/server/services/x.ts', "import { insertSession } from '#lib/server/db/sessions.ts';"],
		['src/routes/x/+page.server.ts', "import { checkHealth } from '#lib/server/services/check-health.ts';"],
		['src/routes/account-guard.ts', "import { error } from '@sveltejs/kit';"],
		['src/lib/server/http/x.test.ts', "import { error } from '@sveltejs/kit';"],
		['src/lib/server/http/x.ts', "import { promisify } from 'node:util';"],
		['src/cli/commands/x.ts', "import { createContext } from '#lib/server/context.ts';"]
	])('allows in %s: %s', async (filePath, code) => {
		expect(await layerErrors(filePath, `${code}\nexport {};\n`)).toEqual([]);
	});
});
