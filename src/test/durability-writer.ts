// Test helper run as a child process by embedded-durability.test.ts: opens the embedded database
// in argv[2] exactly as the server does, then commits one row per transaction forever, printing
// each id only after its commit returned. The parent kills it with SIGKILL mid-stream and checks
// that every id it saw survived.
import { sql } from 'kysely';
import { openPglite } from '#lib/server/db/client.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: durability-writer.ts DATA_DIR');

const { db } = await openPglite(dataDir);
await sql`create table if not exists durability_probe (id integer primary key, written_at timestamptz not null default now(), payload text not null)`.execute(db);
const { rows } = await sql<{ next: number }>`select coalesce(max(id), 0)::int + 1 as next from durability_probe`.execute(db);
// A payload of a few kilobytes fills pages quickly, so the kill also lands amid page writes.
const payload = 'x'.repeat(3000);
process.stdout.write('ready\n');
for (let id = rows[0]!.next; ; id++) {
	await db.transaction().execute(async (trx) => {
		await sql`insert into durability_probe (id, payload) values (${id}, ${payload})`.execute(trx);
		await sql`update durability_probe set payload = ${payload + id} where id = ${Math.max(1, id - 7)}`.execute(trx);
	});
	// stdout is a pipe, and writes to pipes are synchronous on Linux: the id leaves before the next commit.
	process.stdout.write(`${id}\n`);
}
