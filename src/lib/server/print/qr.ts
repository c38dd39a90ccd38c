import QRCode from 'qrcode';
import type { Pdf } from './pdf-document.ts';

/**
 * QR codes from the `qrcode` package (ADR 0014), drawn by us as squares so that the SVG and the
 * PDF carry vectors that print sharply at any size. Error correction level M survives a scuffed
 * poster; four modules of quiet zone are left around the code, as the standard asks.
 */
export interface QrMatrix {
	size: number;
	isDark: (row: number, column: number) => boolean;
}

export const quietZone = 4;

export function qrMatrix(text: string): QrMatrix {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/** One SVG path of every dark module, in module units (the caller scales it). */
export function qrSvgPath(matrix: QrMatrix): string {
	const parts: string[] = [];
	for (let row = 0; row < matrix.size; row++) {
		for (let column = 0; column < matrix.size; column++) {
			if (matrix.isDark(row, column)) parts.push(`M${column} ${row}h1v1h-1z`);
		}
	}
	return parts.join('');
}

/** Draws the code with its top-left module corner at (x, y), `width` wide without the quiet zone. */
export function drawQr(doc: Pdf, matrix: QrMatrix, x: number, y: number, width: number): void {
	const unit = width / matrix.size;
	doc.save();
	for (let row = 0; row < matrix.size; row++) {
		for (let column = 0; column < matrix.size; column++) {
			// A hair of overlap keeps viewers from drawing seams between neighbouring modules.
			if (matrix.isDark(row, column)) doc.rect(x + column * unit, y + row * unit, unit + 0.05, unit + 0.05);
		}
	}
	doc.fill('#000000');
	doc.restore();
}
