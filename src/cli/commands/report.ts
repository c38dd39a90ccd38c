import { writeFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { locales, type Locale } from '#lib/core/org-types.ts';
import type { Actor } from '#lib/core/permissions.ts';
import type { ReportScopeType } from '#lib/core/report/model.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { isReportFormat } from '#lib/server/report-export/report-formats.ts';
import { findCliActor } from '#lib/server/services/reports/find-cli-actor.ts';
import { writeBody } from './output.ts';

const options = {
	study: { type: 'string', description: 'the study key' },
	scope: { type: 'string', description: 'library:KEY, municipality:KEY or network:KEY' },
	format: { type: 'string', description: 'json, html, pdf, xlsx or csv (default html)' },
	out: { type: 'string', description: 'write to this file instead of standard output' },
	round: { type: 'string', description: 'the round (its key); default the latest round' },
	lang: { type: 'string', description: 'language of the report: fi (default), sv or en' },
	as: { type: 'string', description: 'see the report as this user (e-mail) would; default an administrator' }
} as const;

const scopeTypes: readonly ReportScopeType[] = ['library', 'municipality', 'network'];

/** The person at the command line holds the database: an administrator, unless `--as` names someone. */
const cliAdmin: Actor = { id: 0, email: 'cli', displayName: 'aspa CLI', locale: 'fi', grants: [{ role: 'admin', scopeType: 'global', scopeId: null }] };

export const reportCommand: Command = {
	name: ['report'],
	summary: 'Write a study’s report for a library, municipality or network as JSON, HTML, PDF, XLSX or CSV.',
	usage:
		'report --study KEY --scope library:KEY|municipality:KEY|network:KEY [--format json|html|pdf|xlsx|csv]\n' +
		'       [--out FILE] [--round KEY] [--lang fi|sv|en] [--as EMAIL]\n\n' +
		'  The same report as the report pages: aggregates only, groups under the minimum size hidden.\n' +
		'  PDF is printed by Chromium (ASPA_CHROMIUM, default /usr/bin/chromium); without it, use html.\n' +
		'  Without --out the file goes to standard output.\n\n' +
		'  Example: npm run -s aspa -- report --study demo-customer --scope library:tampere-metso --format pdf --out metso.pdf',
	options,
	async run(values, io) {
		const studyKey = values.study;
		if (typeof studyKey !== 'string' || !studyKey) throw new UsageError('--study is required.');
		const scopeText = typeof values.scope === 'string' ? values.scope : '';
		const colon = scopeText.indexOf(':');
		const type = scopeTypes.find((candidate) => candidate === scopeText.slice(0, colon));
		const key = scopeText.slice(colon + 1);
		if (colon < 0 || !type || !key) throw new UsageError('--scope must be library:KEY, municipality:KEY or network:KEY.');
		const format = values.format ?? 'html';
		if (!isReportFormat(format)) throw new UsageError('--format must be one of json, html, pdf, xlsx, csv.');
		const locale = locales.find((candidate) => candidate === (values.lang ?? 'fi')) as Locale | undefined;
		if (!locale) throw new UsageError(`--lang must be one of ${locales.join(', ')}.`);
		const out = typeof values.out === 'string' && values.out ? values.out : undefined;
		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			// Loaded when asked for: the report builder and the renderers (exceljs, playwright-core) are heavy for the other commands.
			const [{ buildStudyReport }, { renderReport }] = await Promise.all([
				import('#lib/server/services/reports/build-report.ts'),
				import('#lib/server/report-export/report-files.ts')
			]);
			const actor = typeof values.as === 'string' ? await findCliActor(ctx, values.as) : cliAdmin;
			const model = await buildStudyReport(ctx, actor, {
				studyKey,
				scope: { type, key },
				filter: { round: (values.round as string | undefined) ?? null },
				locale
			});
			const body = await renderReport(model, format, { chromiumPath: ctx.config.chromiumPath });
			if (out) await writeFile(out, body);
			else await writeBody(io, body);
			if (out) io.err(`Wrote the ${format.toUpperCase()} report of ${type} ${key} in study ${studyKey} to ${out}.`);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
