import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The language is remembered in a cookie set by the language switcher (a plain form, so it
			// works without JavaScript); first visits follow the browser, then Finnish.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
			cookieName: 'aspa_lang'
		}),
		await sveltekit({
			adapter: adapter({ precompress: true }),
			// Nonce-based CSP: SvelteKit adds the nonce to its own inline bootstrap script, so no
			// 'unsafe-inline' script is ever allowed. frame-ancestors is set per response in
			// hooks.server.ts, because embedding is allowed only where a feature needs it.
			csp: {
				mode: 'nonce',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			},
			csrf: { trustedOrigins: [] }
		})
	],
	// Two test projects: `unit` (pure and database tests beside the code) and `e2e` (the built app
	// in Debian's Chromium). scripts/test.js runs them as separate tiers.
	test: {
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks',
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					globalSetup: ['./src/test/global-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['e2e/**/*.e2e.ts'],
					globalSetup: ['./e2e/global-setup.ts'],
					testTimeout: 60_000,
					maxWorkers: 1
				}
			}
		]
	}
});
