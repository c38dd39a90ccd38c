import { readFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { CLI_OPERATOR, importLibraries, type ImportCounts } from '#lib/server/services/import-libraries.ts';

const options = {
	file: { type: 'string', description: 'a Kirkanta v4 library export (JSON)' }
} as const;

function line(label: string, counts: ImportCounts): string {
	return `  ${label.padEnd(15)} ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

export const importLibrariesCommand: Command = {
	name: ['import', 'libraries'],
	summary: 'Import libraries, municipalities, consortia and mobile stops from a Kirkanta (library directory) export.',
	usage:
		'import libraries --file F\n\n' +
		'  F is the JSON of https://api.kirjastot.fi/v4/library?refs=city,consortium&with=departments&limit=…\n' +
		'  (or an array of library records). Running the same file again changes nothing; a file with\n' +
		'  any problem is refused as a whole and every problem is listed.',
	options,
	async run(values, io) {
		const file = values.file;
		if (typeof file !== 'string' || !file) throw new UsageError('--file is required.');
		let text: string;
		try {
			text = await readFile(file, 'utf8');
		} catch (error) {
			throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
		}
		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			const summary = await importLibraries(ctx, CLI_OPERATOR, text);
			io.out(`Imported ${file} (memberships from ${summary.date}):`);
			io.out(line('municipalities', summary.municipalities));
			io.out(line('networks', summary.networks));
			io.out(line('libraries', summary.libraries));
			io.out(line('mobile stops', summary.mobileStops));
			io.out(`  ${'memberships'.padEnd(15)} ${summary.memberships.started} started, ${summary.memberships.ended} ended`);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
