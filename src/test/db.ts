import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openPglite, openPostgres, type DbHandle } from '#lib/server/db/client.ts';
import { adminQuery, withDatabase } from './global-setup.ts';
import { createLogger } from '#lib/server/logger.ts';
import type { Deps } from '#lib/server/services/deps.ts';
import type { MailMessage, MailSender } from '#lib/server/mail/transport.ts';

export type TestDbKind = 'pglite' | 'postgres';

/** The tiers this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDbKinds(): TestDbKind[] {
	return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A freshly migrated database of the given kind, private to the caller; close() drops it. */
export async function openTestDb(kind: TestDbKind): Promise<DbHandle> {
	if (kind === 'pglite') {
		const template = readFileSync(inject('pgliteTemplate'));
		return openPglite(undefined, { loadDataDir: new Blob([template]) });
	}
	const adminUrl = inject('postgresAdminUrl')!;
	const template = inject('postgresTemplate')!;
	const name = `${template}_${randomBytes(4).toString('hex')}`;
	await adminQuery(adminUrl, `create database ${name} template ${template}`);
	// The clone is dropped with (force) at close; idle connections ended then are expected.
	const handle = openPostgres(withDatabase(adminUrl, name), { max: 4, onIdleError: () => {} });
	return {
		...handle,
		async close() {
			await handle.close();
			await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
		}
	};
}

/** A mail sender that keeps what it was asked to send, for tests that read invitations. */
export function recordingMailSender(): MailSender & { sent: MailMessage[] } {
	const sent: MailMessage[] = [];
	return { configured: true, sent, send: async (message) => void sent.push(message), close: () => {} };
}

export interface TestEnv extends Deps {
	handle: DbHandle;
	kind: TestDbKind;
	/** Moves the clock the services see. */
	setNow(date: Date): void;
}

/**
 * Runs the suite once per database tier, each with its own fresh database:
 *
 *     describeDb('organisations', (env) => {
 *       it('…', async () => { await createLibrary(env(), …) });
 *     });
 */
export function describeDb(name: string, suite: (env: () => TestEnv) => void): void {
	describe.each(testDbKinds())(`${name} [%s]`, (kind) => {
		let env: TestEnv | undefined;
		beforeAll(async () => {
			const handle = await openTestDb(kind);
			let now = new Date('2026-06-01T09:00:00Z');
			env = {
				handle,
				kind,
				db: handle.db,
				log: createLogger('silent'),
				now: () => now,
				setNow: (date) => {
					now = date;
				},
				mail: { configured: false, send: async () => {}, close: () => {} },
				origin: 'http://aspa.test'
			};
		});
		afterAll(async () => {
			await env?.handle.close();
		});
		suite(() => {
			if (!env) throw new Error('The test database is not open yet (use env() inside tests or hooks).');
			return env;
		});
	});
}
