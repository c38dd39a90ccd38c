import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../../../test/pdf-text.ts';
import { tokenSlipsPdf, type SlipsInput } from './token-slips.ts';
import { toCsv, csvCell } from './csv.ts';

const slips = (count: number): SlipsInput => ({
	title: 'Henkilöstökysely 2026',
	lang: 'fi-FI',
	instruction: 'Vastaa kyselyyn ja anna tunnus. Tunnus toimii kerran, eikä sitä voi yhdistää sinuun.',
	shortUrl: 'aspa.example/s/staff',
	tokenUrl: (token) => `https://aspa.example/s/staff?t=${token}`,
	labels: { address: 'Osoite', token: 'Tunnus' },
	tokens: Array.from({ length: count }, (_, index) => `TOKEN-${String(index).padStart(3, '0')}`)
});

describe('token slips', () => {
	it('prints eight slips a page, each with the address and its token', async () => {
		const bytes = await tokenSlipsPdf(slips(17));
		const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(pdf.getPageCount()).toBe(3);
		expect(pdf.getTitle()).toBe('Henkilöstökysely 2026');
		const text = pdfText(bytes);
		for (let index = 0; index < 17; index++) expect(text).toContain(`TOKEN-${String(index).padStart(3, '0')}`);
		expect(text.match(/Osoite: aspa\.example\/s\/staff/g)).toHaveLength(17);
	});

	it('fits exactly eight slips on one page', async () => {
		const pdf = await PDFDocument.load(await tokenSlipsPdf(slips(8)), { updateMetadata: false });
		expect(pdf.getPageCount()).toBe(1);
	});
});

describe('CSV for mail merge', () => {
	it('quotes a cell that a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		for (const start of ['+', '-', '@']) expect(csvCell(`${start}1`)).toBe(`'${start}1`);
		expect(csvCell('ABCD-1234')).toBe('ABCD-1234');
	});

	it('writes a byte-order mark and CRLF rows', () => {
		expect(toCsv([['token', 'url'], ['A', 'https://x/s/a?token=A']])).toBe('\ufefftoken,url\r\nA,https://x/s/a?token=A\r\n');
	});
});
