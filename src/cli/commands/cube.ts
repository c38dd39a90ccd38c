import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { CLI_OPERATOR } from '#lib/server/services/import-libraries.ts';
import { rebuildStudyCube } from '#lib/server/services/reports/rebuild-cube.ts';
import { refreshCube } from '#lib/server/services/reports/refresh-cube.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `description` is read by `--help` (main.ts); parseArgs ignores it. */
const rebuildOptions = { study: { type: 'string', description: 'the study key' } } as const;
const foldOptions = { study: { type: 'string', description: 'only this study (default: every study)' } } as const;

export const cubeRebuild: Command = {
	name: ['cube', 'rebuild'],
	summary: 'Recompute the answer cube (the counts reports read) of a study from its stored responses.',
	usage:
		'cube rebuild --study KEY\n\n' +
		'  Reports read pre-summed counts that every submit, delete and import keeps current; this\n' +
		'  recomputes them from the responses, in one transaction (reports show the old counts until\n' +
		'  it commits). Needed only after data was loaded around Aspa (e.g. straight into the database);\n' +
		'  running it at any other time changes nothing. A million responses take several minutes.\n\n' +
		'  Example: npm run aspa -- cube rebuild --study demo-customer',
	options: rebuildOptions,
	async run(values, io) {
		const studyKey = values.study;
		if (typeof studyKey !== 'string' || !studyKey) throw new UsageError('--study is required.');
		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			const started = performance.now();
			const result = await rebuildStudyCube(ctx, CLI_OPERATOR, studyKey);
			const seconds = ((performance.now() - started) / 1000).toFixed(1);
			io.out(`Rebuilt the answer cube of study ${studyKey}: ${plural(result.responses, 'response')}, ${plural(result.rows, 'row')} (${seconds} s).`);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};

export const cubeFold: Command = {
	name: ['cube', 'fold'],
	summary: 'Add responses stored since the last report to the answer cube (all studies, or one).',
	usage:
		'cube fold [--study KEY]\n\n' +
		'  Reports do this themselves before they read; running it from cron (say every few minutes)\n' +
		'  only spares the first report after a busy spell the wait.\n\n' +
		'  Example: npm run -s aspa -- cube fold',
	options: foldOptions,
	async run(values, io) {
		const studyKey = typeof values.study === 'string' && values.study ? values.study : null;
		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			const folded = await refreshCube(ctx, studyKey);
			io.out(`Folded ${plural(folded, 'response')} into the answer cube${studyKey ? ` of study ${studyKey}` : ''}.`);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
