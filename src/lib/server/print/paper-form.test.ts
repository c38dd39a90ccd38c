import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { pdfText } from '../../../test/pdf-text.ts';
import { paperLayout } from '#lib/core/instrument/paper/paper-layout.ts';
import { instrumentTemplates } from '#lib/core/instrument/templates/catalogue.ts';
import { customerServiceSurvey } from '#lib/core/instrument/templates/customer-service-survey.ts';
import { paperFormPdf } from './paper-form.ts';

const labels = { chooseOne: 'Valitse yksi.', chooseAny: 'Valitse yksi tai useampi.', answerIf: (n: string) => `Vastaa, jos kysymys ${n} koskee sinua.`, footer: 'Kysely 2026' };

describe('paper form', () => {
	it('prints the customer-service survey in Swedish with the numbers of the entry screen', async () => {
		const instrument = customerServiceSurvey();
		const bytes = await paperFormPdf({ instrument, language: 'sv', labels });
		const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(pdf.getPageCount()).toBeGreaterThan(1);
		expect(pdf.getTitle()).toBe('Enkät om bibliotekets kundservice');
		expect(String(pdf.catalog.get(PDFName.of('Lang')))).toContain('sv-FI');
		const text = pdfText(bytes);
		const numbered = paperLayout(instrument).filter((entry) => entry.number !== '');
		for (const entry of numbered) {
			const question = entry.item.text.sv!;
			// The first words are enough: a long question wraps onto more lines.
			expect(text).toContain(`${entry.number}. ${question.split(' ').slice(0, 2).join(' ')}`);
		}
	});

	it.each(instrumentTemplates.map((template) => [template.key, template] as const))('prints every template (%s) in fi, sv and en', async (_key, template) => {
		for (const language of ['fi', 'sv', 'en'] as const) {
			const bytes = await paperFormPdf({ instrument: template.build(), language, labels });
			const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
			expect(pdf.getPageCount()).toBeGreaterThan(0);
		}
	});
});
