import { posterSvg } from '#lib/server/print/poster.ts';
import { download } from '../../../../download.ts';
import { posterInput } from '../poster.ts';
import type { RequestHandler } from './$types';

/** A collector's QR poster as an A4 SVG (for print shops and signage software). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { input, filename } = await posterInput(locals, url, params.key, params.id);
	return download(posterSvg(input), 'image/svg+xml; charset=utf-8', `${filename}.svg`);
};
