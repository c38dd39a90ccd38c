import { readFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { CLI_OPERATOR } from '#lib/server/services/import-libraries.ts';
import { importResponses } from '#lib/server/services/reports/import-responses.ts';

const options = {
	study: { type: 'string', description: 'the study key' },
	file: { type: 'string', description: 'a CSV file with the columns of `export responses`' },
	round: { type: 'string', description: 'the round of rows whose _round is blank (or of a file without it)' }
} as const;

export const importResponsesCommand: Command = {
	name: ['import', 'responses'],
	summary: 'Import raw responses from a CSV file (the columns of `export responses`); all or nothing, idempotent.',
	usage:
		'import responses --study KEY --file F.csv [--round KEY]\n\n' +
		'  The header names item columns as exported (service, staff.friendly, channels …) and may have\n' +
		'  _response_id, _round, _library, _channel, _language, _submitted_at (_segment.* are ignored).\n' +
		'  Blank cells mean: no answer; channel paper; the form’s base language; the time of the import.\n' +
		'  Every row is checked against its round’s form; one bad row and nothing is imported (each\n' +
		'  problem is named by line and column). A response id stored already is skipped, so running\n' +
		'  the same file again imports nothing new.\n\n' +
		'  Example: npm run aspa -- import responses --study demo-customer --file paper-forms.csv --round 2026-spring',
	options,
	async run(values, io) {
		const studyKey = values.study;
		const file = values.file;
		if (typeof studyKey !== 'string' || !studyKey) throw new UsageError('--study is required.');
		if (typeof file !== 'string' || !file) throw new UsageError('--file is required.');
		let csv: string;
		try {
			csv = await readFile(file, 'utf8');
		} catch (error) {
			throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
		}
		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			const result = await importResponses(ctx, CLI_OPERATOR, { studyKey, csv, roundKey: (values.round as string | undefined) ?? null });
			io.out(`Imported ${result.imported} response${result.imported === 1 ? '' : 's'} into study ${studyKey}; ${result.alreadyPresent} already present.`);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
