import { posterPdf } from '#lib/server/print/poster.ts';
import { download } from '../../../../download.ts';
import { posterInput } from '../poster.ts';
import type { RequestHandler } from './$types';

/** A collector's QR poster as a print-ready A4 PDF. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { input, filename } = await posterInput(locals, url, params.key, params.id);
	return download(await posterPdf(input), 'application/pdf', `${filename}.pdf`);
};
