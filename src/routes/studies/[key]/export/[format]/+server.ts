import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { localDate } from '#lib/core/local-date.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '../../../../account-guard.ts';
import { rawContentTypes, rawExportStream } from '#lib/server/report-export/raw-files.ts';
import { exportResponses, rawExportFormats, type RawExportFormat } from '#lib/server/services/reports/export-responses.ts';
import type { RequestHandler } from './$types';

/**
 * A study's raw responses as CSV, XLSX or JSON (`?round=KEY` for one round), streamed as the
 * service reads them. Coordinators and admins only, never a confidential study; the service
 * audits every export (ADR 0020).
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	const format = rawExportFormats.find((candidate) => candidate === params.format) as RawExportFormat | undefined;
	if (!format) error(404, { message: m.report_export_format_unknown() });
	const roundKey = url.searchParams.get('round')?.trim() || null;
	const data = await exportResponses(locals.ctx, actor, { studyKey: params.key, roundKey, format }).catch(rethrowAsHttp);
	const name = [data.study.key, 'responses', ...(data.round ? [data.round.key] : []), localDate(locals.ctx.now())].join('-').replace(/[^A-Za-z0-9._-]+/g, '-');
	return new Response(Readable.toWeb(rawExportStream(data, format)) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': rawContentTypes[format],
			'content-disposition': `attachment; filename="${name}.${format}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
