// Lint, including the layer rules of DESIGN.md ("Architecture"): a rule per layer lists what it
// must never import, so `npm test` fails when a layer reaches past its neighbours.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const kit = ['@sveltejs/kit', '@sveltejs/kit/*', '$app/*', '$env/*', 'svelte', 'svelte/*'];
const database = ['kysely', 'kysely/*', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*'];
const serverFolders = ['\\#lib/server/*', '**/lib/server/*'];
const dbFolder = ['\\#lib/server/db/*', '**/server/db/*'];
const routesFolder = ['../routes/*', '**/routes/*'];

// Patterns use gitignore syntax, where a leading # starts a comment: hence '\\#lib/…'.
function forbid(groups, message) {
	return ['error', { patterns: groups.map((group) => ({ group, message })) }];
}

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'data/', 'coverage/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-console': 'off',
			// Aspa is served from the root with no base path, so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
	},
	{
		files: ['src/lib/core/**/*.ts'],
		ignores: ['src/lib/core/**/*.test.ts'],
		rules: {
			'no-restricted-imports': forbid(
				[kit, database, ['node:*'], serverFolders, ['\\#lib/components/*', '\\#lib/paraglide/*']],
				'src/lib/core is pure: no Svelte/Kit, database, node:* or server imports.'
			),
			'no-restricted-globals': ['error', { name: 'process', message: 'core reads no environment.' }]
		}
	},
	{
		// Route glue that needs Kit (guards, form actions) lives beside the routes, in plain files
		// under src/routes/ that Kit's router ignores (src/routes/account-guard.ts). The blocks below
		// for db, auth and services replace this rule for their folders and forbid Kit and routes too.
		files: ['src/lib/server/**/*.ts'],
		ignores: ['src/lib/server/**/*.test.ts'],
		rules: {
			'no-restricted-imports': forbid([kit, routesFolder], 'src/lib/server is free of Kit and never imports routes: route glue lives under src/routes/.')
		}
	},
	{
		files: ['src/lib/server/db/**/*.ts'],
		ignores: ['src/lib/server/db/**/*.test.ts'],
		rules: {
			'no-restricted-imports': forbid(
				[kit, routesFolder, ['\\#lib/server/services/*', '\\#lib/server/auth/*', '\\#lib/server/context.ts', '\\#lib/paraglide/*']],
				'db holds SQL only: it never imports Kit, routes, services, auth or the context.'
			)
		}
	},
	{
		files: ['src/lib/server/auth/**/*.ts', 'src/lib/server/services/**/*.ts', 'src/lib/server/mail/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': forbid(
				[kit, routesFolder, ['\\#lib/server/context.ts', '\\#lib/paraglide/*', '\\#lib/components/*'], database],
				'auth and services stay free of Kit and routes (the CLI runs them) and reach SQL through db/ only.'
			)
		}
	},
	{
		files: ['src/routes/**/*', 'src/hooks.server.ts'],
		rules: {
			'no-restricted-imports': forbid([dbFolder, database], 'routes call services, never SQL.')
		}
	},
	{
		files: ['src/lib/components/**/*'],
		rules: {
			'no-restricted-imports': forbid([serverFolders, database, ['node:*']], 'components never import server code.')
		}
	},
	{
		files: ['src/cli/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': forbid(
				[['\\#lib/components/*'], routesFolder, kit],
				'the CLI uses the context, services and core; never routes or components.'
			)
		}
	},
	{
		files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*', 'scripts/**/*', 'src/test/**/*'],
		rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
	}
);
