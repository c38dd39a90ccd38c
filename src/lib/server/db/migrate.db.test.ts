import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { currentMigration, migrateToLatest } from './migrate.ts';
import { latestMigration } from './migrations.ts';

describeDb('migrations', (env) => {
	it('leaves a test database at the latest migration', async () => {
		expect(await currentMigration(env().db)).toBe(latestMigration);
	});

	it('applies nothing when run again', async () => {
		expect(await migrateToLatest(env().db)).toEqual([]);
	});
});
