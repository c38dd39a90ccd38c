import { drawQr, qrMatrix, qrSvgPath, quietZone } from './qr.ts';
import { artifact, finishPdf, fonts, mm, newPdf, printable, tagged } from './pdf-document.ts';

/**
 * A QR poster for one collector (library × channel): A4, the library's name, a short call to
 * action in the chosen languages, a large QR code and the short address printed under it for
 * those who type. The same layout as SVG (for print shops and signage) and as a tagged PDF.
 */
export interface PosterText {
	/** BCP 47 language of this block, e.g. `sv-FI`. */
	lang: string;
	heading: string;
	body: string;
}

export interface PosterInput {
	libraryName: string;
	/** What the code opens, e.g. `https://aspa.example/s/kouvola-web`. */
	url: string;
	/** Printed under the code, e.g. `aspa.example/s/kouvola-web`. */
	shortUrl: string;
	/** One block per chosen language, in the order chosen; the first sets the document language. */
	texts: PosterText[];
	/** The document title (also the PDF's window title). */
	title: string;
}

// Layout in millimetres on A4 (210 × 297), shared by both formats.
const page = { width: 210, height: 297, margin: 18 };
/** The code is as large as the page allows: smaller when three languages share it. */
const qrWidthFor = (languages: number) => (languages > 2 ? 92 : 115);

function wrap(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line !== '' && line.length + 1 + word.length > maxChars) {
			lines.push(line);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	if (line !== '') lines.push(line);
	return lines;
}

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function posterSvg(input: PosterInput): string {
	const matrix = qrMatrix(input.url);
	const qrWidth = qrWidthFor(input.texts.length);
	const unit = qrWidth / matrix.size;
	const qrLeft = (page.width - qrWidth) / 2;
	const centre = page.width / 2;
	const lines: string[] = [];
	let y = page.margin + 12;
	lines.push(`<text x="${centre}" y="${y}" font-size="11" font-weight="bold">${escapeXml(input.libraryName)}</text>`);
	y += 14;
	const [first, ...others] = input.texts;
	if (first) {
		for (const line of wrap(first.heading, 26)) {
			lines.push(`<text x="${centre}" y="${y}" font-size="13" font-weight="bold" xml:lang="${first.lang}">${escapeXml(line)}</text>`);
			y += 14;
		}
		for (const line of wrap(first.body, 60)) {
			lines.push(`<text x="${centre}" y="${y}" font-size="6" xml:lang="${first.lang}">${escapeXml(line)}</text>`);
			y += 8;
		}
	}
	const qrTop = y + 6;
	const codeBottom = qrTop + qrWidth;
	const below = [`<text x="${centre}" y="${codeBottom + 14}" font-size="9" font-family="Courier, monospace" font-weight="bold">${escapeXml(input.shortUrl)}</text>`];
	let by = codeBottom + 30;
	for (const text of others) {
		below.push(`<text x="${centre}" y="${by}" font-size="7" font-weight="bold" xml:lang="${text.lang}">${escapeXml(text.heading)}</text>`);
		by += 6;
		for (const line of wrap(text.body, 80)) {
			below.push(`<text x="${centre}" y="${by}" font-size="4.5" xml:lang="${text.lang}">${escapeXml(line)}</text>`);
			by += 5.5;
		}
		by += 5;
	}
	return [
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}mm" height="${page.height}mm" viewBox="0 0 ${page.width} ${page.height}" role="img" aria-labelledby="poster-title" xml:lang="${input.texts[0]?.lang ?? 'fi'}">`,
		`<title id="poster-title">${escapeXml(input.title)}</title>`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		`<g font-family="Helvetica, Arial, sans-serif" text-anchor="middle" fill="#000">`,
		...lines,
		...below,
		`</g>`,
		`<path data-qr="${matrix.size}" transform="translate(${qrLeft} ${qrTop}) scale(${unit})" d="${qrSvgPath(matrix)}" fill="#000" shape-rendering="crispEdges"/>`,
		`</svg>`,
		''
	].join('\n');
}

export async function posterPdf(input: PosterInput): Promise<Uint8Array> {
	const pdf = newPdf({ title: input.title, lang: input.texts[0]?.lang ?? 'fi-FI' }, { margin: page.margin * mm });
	const { doc, root } = pdf;
	const width = (page.width - 2 * page.margin) * mm;
	const left = page.margin * mm;
	const qrWidth = qrWidthFor(input.texts.length);
	artifact(doc, () => doc.rect(left - 6 * mm, (page.margin - 6) * mm, width + 12 * mm, (page.height - 2 * page.margin + 12) * mm).lineWidth(1).stroke('#555555'));
	const text = (type: string, value: string, options: { font: string; size: number; lang?: string; gap?: number }) => {
		tagged(doc, root, type, () => doc.font(options.font).fontSize(options.size).text(printable(value), left, doc.y, { width, align: 'center' }), options.lang ? { lang: options.lang } : {});
		doc.moveDown(options.gap ?? 0.3);
	};
	doc.y = (page.margin + 4) * mm;
	text('H1', input.libraryName, { font: fonts.bold, size: 30, gap: 0.5 });
	const [first, ...others] = input.texts;
	if (first) {
		text('H2', first.heading, { font: fonts.bold, size: 36, lang: first.lang, gap: 0.2 });
		text('P', first.body, { font: fonts.regular, size: 16, lang: first.lang });
	}
	const matrix = qrMatrix(input.url);
	const qrX = ((page.width - qrWidth) / 2) * mm;
	const qrY = doc.y + quietZone * (qrWidth / matrix.size) * mm;
	tagged(doc, root, 'Figure', () => drawQr(doc, matrix, qrX, qrY, qrWidth * mm), { alt: printable(input.url) });
	doc.y = qrY + qrWidth * mm + 6 * mm;
	text('P', input.shortUrl, { font: fonts.mono, size: 22, gap: 0.8 });
	for (const other of others) {
		text('H2', other.heading, { font: fonts.bold, size: 16, lang: other.lang, gap: 0.1 });
		text('P', other.body, { font: fonts.regular, size: 11, lang: other.lang, gap: 0.6 });
	}
	return finishPdf(pdf);
}
