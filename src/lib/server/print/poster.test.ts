import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PDFDocument, PDFName } from 'pdf-lib';
import { pdfText } from '../../../test/pdf-text.ts';
import { posterPdf, posterSvg, type PosterInput } from './poster.ts';

const input: PosterInput = {
	libraryName: 'Kouvolan pääkirjasto',
	url: 'https://aspa.example/s/kouvola-qr',
	shortUrl: 'aspa.example/s/kouvola-qr',
	title: 'Kysely – Kouvolan pääkirjasto',
	texts: [
		{ lang: 'fi-FI', heading: 'Kerro mielipiteesi!', body: 'Vastaa lyhyeen kyselyyn puhelimellasi.' },
		{ lang: 'sv-FI', heading: 'Säg vad du tycker!', body: 'Svara på en kort enkät med din telefon. Åbo, Borgå.' }
	]
};

/** Rasterises the QR path of the SVG (`M{x} {y}h1v1h-1z` per module) and reads it back with jsQR. */
function decodeSvgQr(svg: string): string | undefined {
	const path = /<path data-qr="(\d+)"[^>]* d="([^"]+)"/.exec(svg);
	if (!path) return undefined;
	const modules = Number(path[1]);
	const scale = 8;
	const quiet = 4;
	const side = (modules + 2 * quiet) * scale;
	const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
	for (const [, x, y] of path[2]!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
		for (let dy = 0; dy < scale; dy++)
			for (let dx = 0; dx < scale; dx++) {
				const offset = (((Number(y) + quiet) * scale + dy) * side + (Number(x) + quiet) * scale + dx) * 4;
				pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
			}
	}
	return jsQR(pixels, side, side)?.data;
}

describe('QR poster', () => {
	it('draws an SVG whose QR code reads back as the collector address', () => {
		const svg = posterSvg(input);
		expect(svg).toContain('viewBox="0 0 210 297"');
		expect(decodeSvgQr(svg)).toBe(input.url);
		expect(svg).toContain('aspa.example/s/kouvola-qr');
		expect(svg).toContain('Kouvolan pääkirjasto');
		expect(svg).toContain('xml:lang="sv-FI"');
	});

	it('escapes names that would break the markup', () => {
		const svg = posterSvg({ ...input, libraryName: 'A & B <script>' });
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('A &#38; B &#60;script&#62;');
	});

	it('makes a one-page tagged A4 PDF with title, language and the printed address', async () => {
		const bytes = await posterPdf(input);
		expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
		const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(pdf.getPageCount()).toBe(1);
		const { width, height } = pdf.getPage(0).getSize();
		expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
		expect(pdf.getTitle()).toBe(input.title);
		expect(String(pdf.catalog.get(PDFName.of('Lang')))).toContain('fi-FI');
		expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
		const text = pdfText(bytes);
		expect(text).toContain('aspa.example/s/kouvola-qr');
		expect(text).toContain('Kouvolan pääkirjasto');
		expect(text).toContain('Åbo, Borgå.');
	});
});
