import PDFDocument from 'pdfkit';

/**
 * A tagged A4 PDF (ADR 0014): title and language in the document catalogue and metadata, the
 * title shown in the viewer's window, a structure tree so screen readers read the text in order,
 * and decoration marked as artifacts. Text uses the standard Helvetica, whose WinAnsi encoding
 * covers Finnish, Swedish and English (ä ö å Ä Ö Å, dashes, quotes, €); anything outside it is
 * printed as its nearest Latin letter (see `printable`).
 */
export type Pdf = PDFKit.PDFDocument;
export type PdfStructure = PDFKit.PDFStructureElement;

export const mm = 72 / 25.4;
export const a4 = { width: 595.28, height: 841.89 };
export const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier-Bold' } as const;

export interface PdfMeta {
	title: string;
	/** BCP 47, e.g. `fi-FI`. */
	lang: string;
	subject?: string;
}

export function newPdf(meta: PdfMeta, options: { margin?: number; bufferPages?: boolean } = {}): { doc: Pdf; root: PdfStructure; done: Promise<Uint8Array> } {
	const doc = new PDFDocument({
		size: 'A4',
		margin: options.margin ?? 20 * mm,
		tagged: true,
		displayTitle: true,
		pdfVersion: '1.7',
		bufferPages: options.bufferPages ?? false,
		lang: meta.lang,
		info: { Title: printable(meta.title), Creator: 'Aspa', Producer: 'Aspa (PDFKit)', ...(meta.subject ? { Subject: printable(meta.subject) } : {}) }
	});
	const chunks: Uint8Array[] = [];
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	return { doc, root, done };
}

/** Ends the structure tree and the document; resolves to the bytes. */
export function finishPdf(pdf: { doc: Pdf; root: PdfStructure; done: Promise<Uint8Array> }): Promise<Uint8Array> {
	pdf.root.end();
	pdf.doc.end();
	return pdf.done;
}

/** Adds a structure element of `type` under `parent` whose content is what `draw` puts on the page. */
export function tagged(doc: Pdf, parent: PdfStructure, type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
	parent.add(
		doc.struct(type, options, () => {
			draw();
		})
	);
}

/** Draws decoration (boxes, lines, cut marks) outside the structure tree, as PDF/UA asks. */
export function artifact(doc: Pdf, draw: () => void): void {
	doc.markContent('Artifact');
	draw();
	doc.endMarkedContent();
}

// The characters of Windows-1252 above 0x7F that are not in Latin-1: WinAnsi's extras.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard fonts can show: Latin-1 and WinAnsi's extras as they are; other letters as
 * their base letter (ő → o); anything else as '?'. Control characters other than line breaks go.
 */
export function printable(text: string): string {
	let out = '';
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char)) out += char;
		else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
		else {
			const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
			out += base !== '' && [...base].every((c) => c.codePointAt(0)! <= 0xff) ? base : '?';
		}
	}
	return out;
}
