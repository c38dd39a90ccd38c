import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { rawExportStream } from '#lib/server/report-export/raw-files.ts';
import { CLI_OPERATOR } from '#lib/server/services/import-libraries.ts';
import { exportResponses, rawExportFormats, type RawExportFormat } from '#lib/server/services/reports/export-responses.ts';
import { writeStream } from './output.ts';

const options = {
	study: { type: 'string', description: 'the study key' },
	format: { type: 'string', description: 'csv (default), xlsx or json' },
	round: { type: 'string', description: 'only this round (its key); default every round' },
	out: { type: 'string', description: 'write to this file instead of standard output' }
} as const;

export const exportResponsesCommand: Command = {
	name: ['export', 'responses'],
	summary: 'Export a study’s raw responses (one row per response) as CSV, XLSX or JSON; never a confidential study.',
	usage:
		'export responses --study KEY [--format csv|xlsx|json] [--round KEY] [--out FILE]\n\n' +
		'  Columns: _response_id, _round, _library, _channel, _language, _submitted_at, _segment.KEY …,\n' +
		'  then one per item and facet named by item id (staff.friendly for a matrix row); N/A is na,\n' +
		'  a multiple choice lists its codes separated by spaces. Open texts are included as written.\n' +
		'  The CSV is what `import responses` reads back. Without --out the file goes to standard output.\n\n' +
		'  Example: npm run -s aspa -- export responses --study demo-customer --format xlsx --out answers.xlsx',
	options,
	async run(values, io) {
		const studyKey = values.study;
		if (typeof studyKey !== 'string' || !studyKey) throw new UsageError('--study is required.');
		const format = (values.format ?? 'csv') as RawExportFormat;
		if (!rawExportFormats.includes(format)) throw new UsageError(`--format must be one of ${rawExportFormats.join(', ')}.`);
		const out = typeof values.out === 'string' && values.out ? values.out : undefined;
		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			const data = await exportResponses(ctx, CLI_OPERATOR, { studyKey, roundKey: (values.round as string | undefined) ?? null, format });
			let count = 0;
			const rows = data.rows;
			data.rows = (async function* () {
				for await (const row of rows) {
					count += 1;
					yield row;
				}
			})();
			const stream = rawExportStream(data, format);
			if (out) await pipeline(stream, createWriteStream(out));
			else await writeStream(io, stream);
			io.err(`Exported ${count} response${count === 1 ? '' : 's'} of study ${studyKey}${out ? ` to ${out}` : ''}.`);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
