import { expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describeDb } from '../../../../test/db.ts';
import { ClientFailureCounter } from '#lib/server/auth/login-throttle.ts';
import { DEMO_PASSWORD } from '../demo-password.ts';
import { signIn } from '../sign-in.ts';
import { demoAccounts, loadDemoAccounts } from './demo-accounts.ts';

describeDb('demo accounts', (env) => {
	it('makes one active demo account per role, skipping grants whose unit is missing, and fills them in on a later run', async () => {
		const db = env().db;
		await db.insertInto('network').values({ key: 'pike', kind: 'development_area', nameFi: 'PiKe' }).execute();
		await db.insertInto('municipality').values({ key: 'tampere', nameFi: 'Tampere', nameSv: 'Tammerfors' }).execute();
		const warnings: string[] = [];
		const log = pino({ level: 'warn' }, new Writable({ write: (chunk, _enc, done) => (warnings.push(String(chunk)), done()) }));

		await loadDemoAccounts({ ...env(), log });
		const users = await db.selectFrom('appUser').select(['id', 'email', 'status', 'isDemo', 'displayName']).where('isDemo', '=', true).orderBy('id').execute();
		expect(users.map((u) => u.email)).toEqual(demoAccounts.map((a) => a.email));
		expect(users.every((u) => u.status === 'active' && u.isDemo)).toBe(true);
		expect(users[0]!.displayName).toBe('Demo Pääkäyttäjä');
		expect(warnings).toHaveLength(2); // tampere-metso and kyyti do not exist yet
		const grantCount = async () => (await db.selectFrom('userGrant').select('id').where('userId', 'in', users.map((u) => u.id)).execute()).length;
		expect(await grantCount()).toBe(3);

		await db.insertInto('library').values({ key: 'tampere-metso', kind: 'main', nameFi: 'Metso' }).execute();
		await db.insertInto('network').values({ key: 'kyyti', kind: 'consortium', nameFi: 'Kyyti' }).execute();
		await loadDemoAccounts(env());
		expect(await db.selectFrom('appUser').select('id').where('isDemo', '=', true).execute()).toHaveLength(5);
		expect(await grantCount()).toBe(5);

		for (const account of demoAccounts) {
			expect(await signIn(env(), { email: account.email, password: DEMO_PASSWORD, clientAddress: null }, new ClientFailureCounter())).toMatchObject({ ok: true });
		}
	});
});
