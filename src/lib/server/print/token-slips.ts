import { artifact, finishPdf, fonts, mm, newPdf, printable, tagged } from './pdf-document.ts';
import { drawQr, qrMatrix } from './qr.ts';

/**
 * One-time tokens of a closed population (the staff survey) as slips to cut and hand out: eight
 * per A4 page (2 × 4), each with a short instruction, the survey address, the token in large
 * type and a QR code that opens the survey with the token filled in. Nothing on a slip names a
 * person; the plaintext tokens exist only in this file and in the CSV the coordinator chose.
 */
export interface SlipsInput {
	title: string;
	lang: string;
	/** One or two sentences: how to answer and that the token works once. */
	instruction: string;
	/** The survey address as printed, e.g. `aspa.example/s/staff`. */
	shortUrl: string;
	/** What the QR code opens for a token (the address with the token filled in). */
	tokenUrl: (token: string) => string;
	labels: { address: string; token: string };
	tokens: readonly string[];
}

export const slipsPerPage = 8;
const columns = 2;
const rows = 4;

export async function tokenSlipsPdf(input: SlipsInput): Promise<Uint8Array> {
	const pdf = newPdf({ title: input.title, lang: input.lang }, { margin: 0 });
	const { doc, root } = pdf;
	const slipWidth = doc.page.width / columns;
	const slipHeight = doc.page.height / rows;
	const pad = 8 * mm;
	const qrSize = 26 * mm;
	input.tokens.forEach((token, index) => {
		const onPage = index % slipsPerPage;
		if (index > 0 && onPage === 0) doc.addPage({ size: 'A4', margin: 0 });
		if (onPage === 0) cutLines(doc, slipWidth, slipHeight);
		const x = (onPage % columns) * slipWidth + pad;
		const y = Math.floor(onPage / columns) * slipHeight + pad;
		const textWidth = slipWidth - 2 * pad - qrSize - 4 * mm;
		const slip = doc.struct('Sect');
		root.add(slip);
		const line = (type: string, text: string, font: string, size: number, gap = 2) => {
			tagged(doc, slip, type, () => doc.font(font).fontSize(size).text(printable(text), x, doc.y, { width: textWidth }));
			doc.y += gap;
		};
		doc.y = y;
		line('H2', input.title, fonts.bold, 11, 3);
		line('P', input.instruction, fonts.regular, 8.5, 4);
		line('P', `${input.labels.address}: ${input.shortUrl}`, fonts.regular, 9, 4);
		line('P', `${input.labels.token}:`, fonts.regular, 9, 0);
		line('P', token, fonts.mono, 16);
		const matrix = qrMatrix(input.tokenUrl(token));
		tagged(doc, slip, 'Figure', () => drawQr(doc, matrix, x + textWidth + 4 * mm, y + 4 * mm, qrSize), { alt: `${input.labels.token}: ${token}` });
		slip.end();
	});
	return finishPdf(pdf);
}

function cutLines(doc: PDFKit.PDFDocument, slipWidth: number, slipHeight: number): void {
	artifact(doc, () => {
		doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#888888');
		for (let column = 1; column < columns; column++) doc.moveTo(column * slipWidth, 0).lineTo(column * slipWidth, doc.page.height).stroke();
		for (let row = 1; row < rows; row++) doc.moveTo(0, row * slipHeight).lineTo(doc.page.width, row * slipHeight).stroke();
		doc.undash().restore();
	});
}
