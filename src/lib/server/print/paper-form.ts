import { conditionLeaves, parseRef } from '#lib/core/instrument/condition.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import { localize, type Language, type LocalizedText } from '#lib/core/instrument/localized-text.ts';
import { paperLayout, type PaperEntry, type PaperField } from '#lib/core/instrument/paper/paper-layout.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import { scalePointLabel } from '#lib/core/instrument/scale.ts';
import { artifact, finishPdf, fonts, mm, newPdf, printable, tagged, type Pdf, type PdfStructure } from './pdf-document.ts';

/**
 * The printable paper version of an instrument version, in one language. Numbering and the key
 * beside every box come from `paperLayout`, the same layout the paper-entry screen uses, so staff
 * type what they see on the sheet. Items with a show-if condition say which question decides them.
 */
export interface PaperFormInput {
	instrument: Instrument;
	language: Language;
	optionSources?: OptionSources;
	labels: {
		chooseOne: string;
		chooseAny: string;
		/** E.g. "Vastaa, jos se koskee sinua (kysymys 3)". */
		answerIf: (numbers: string) => string;
		/** Footer line, e.g. the study and the collector's address. */
		footer?: string;
	};
}

const box = 3.6 * mm;

export async function paperFormPdf(input: PaperFormInput): Promise<Uint8Array> {
	const { instrument, language } = input;
	const text = (value: LocalizedText | undefined) => printable(localize(value, language, instrument.baseLanguage));
	const title = text(instrument.title);
	const pdf = newPdf({ title, lang: { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[language] }, { bufferPages: true });
	const { doc, root } = pdf;
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	const bottom = doc.page.height - doc.page.margins.bottom;
	const ensure = (height: number) => {
		if (doc.y + height > bottom) doc.addPage();
	};
	const para = (parent: PdfStructure, type: string, value: string, font: string, size: number, indent = 0) => {
		tagged(doc, parent, type, () => doc.font(font).fontSize(size).text(value, left + indent, doc.y, { width: width - indent }));
	};

	para(root, 'H1', title, fonts.bold, 18);
	if (instrument.description) para(root, 'P', text(instrument.description), fonts.regular, 10);
	doc.moveDown(0.5);
	const layout = paperLayout(instrument, input.optionSources);
	const numbers = new Map(layout.filter((entry) => entry.number).map((entry) => [entry.item.id, entry.number]));
	let sectionIndex = -1;
	let section: PdfStructure = root;
	for (const entry of layout) {
		if (entry.sectionIndex !== sectionIndex) {
			sectionIndex = entry.sectionIndex;
			const current = instrument.sections[sectionIndex]!;
			section = doc.struct('Sect');
			root.add(section);
			ensure(60);
			doc.moveDown(0.6);
			para(section, 'H2', text(current.title), fonts.bold, 13);
			if (current.intro) para(section, 'P', text(current.intro), fonts.regular, 9.5);
			doc.moveDown(0.3);
		}
		drawEntry(doc, section, entry, { text, para, ensure, left, width, numbers, labels: input.labels });
	}
	if (input.labels.footer) {
		const footer = printable(input.labels.footer);
		const range = doc.bufferedPageRange();
		for (let page = range.start; page < range.start + range.count; page++) {
			doc.switchToPage(page);
			// The footer sits in the bottom margin; without this PDFKit would start a new page for it.
			doc.page.margins.bottom = 0;
			artifact(doc, () => doc.font(fonts.regular).fontSize(7).fillColor('#444444').text(footer, left, doc.page.height - 12 * mm, { width, lineBreak: false }));
			doc.fillColor('#000000');
		}
	}
	return finishPdf(pdf);
}

interface Tools {
	text: (value: LocalizedText | undefined) => string;
	para: (parent: PdfStructure, type: string, value: string, font: string, size: number, indent?: number) => void;
	ensure: (height: number) => void;
	left: number;
	width: number;
	numbers: Map<string, string>;
	labels: PaperFormInput['labels'];
}

function drawEntry(doc: Pdf, section: PdfStructure, entry: PaperEntry, tools: Tools): void {
	const { text, para, ensure } = tools;
	const item = entry.item;
	ensure(item.kind === 'long_text' ? 80 : 50);
	doc.moveDown(0.4);
	if (item.kind === 'info') {
		para(section, 'P', text(item.text), fonts.regular, 10);
		for (const line of item.list ?? []) para(section, 'P', `•  ${text(line)}`, fonts.regular, 10, 8);
		return;
	}
	para(section, 'H3', `${entry.number}. ${text(item.text)}`, fonts.bold, 10.5);
	const hints: string[] = [];
	if (item.help) hints.push(text(item.help));
	if (item.showIf) {
		const refs = [...new Set(conditionLeaves(item.showIf).map(({ ref }) => tools.numbers.get(parseRef(ref).itemId)).filter((n) => n !== undefined))];
		hints.push(tools.labels.answerIf(refs.join(', ')));
	}
	const main = entry.fields[0];
	if (main?.kind === 'choice' && !main.scale) hints.push(tools.labels.chooseOne);
	if (main?.kind === 'choices') hints.push(tools.labels.chooseAny);
	if (hints.length) para(section, 'P', printable(hints.join(' ')), fonts.regular, 8.5);
	doc.moveDown(0.2);
	for (const field of entry.fields) drawField(doc, section, field, field.number !== entry.number, tools);
}

function drawField(doc: Pdf, section: PdfStructure, field: PaperField, lettered: boolean, tools: Tools): void {
	const { text, para, ensure, left, width } = tools;
	const indent = 6 * mm;
	if (lettered || (field.label && field.kind !== 'choice')) {
		ensure(30);
		para(section, 'P', `${lettered ? `${field.number}) ` : ''}${text(field.label)}`, fonts.regular, 9.5, indent);
	}
	if (field.kind === 'choice' && field.scale && field.choices.every((choice) => !choice.label || choice.value === 'na')) {
		// A scale labelled at its ends: boxes in a row with the value under each, end labels beside.
		ensure(28);
		const y = doc.y + 2;
		const step = Math.min(14 * mm, (width - 2 * indent - 60 * mm) / field.choices.length);
		const start = left + indent + 30 * mm;
		const low = text(scalePointLabel(field.scale, field.scale.min));
		const high = text(scalePointLabel(field.scale, field.scale.max));
		tagged(doc, section, 'P', () => doc.font(fonts.regular).fontSize(7.5).text(low, left + indent, y, { width: 28 * mm, align: 'right' }));
		field.choices.forEach((choice, index) => {
			const x = start + index * step;
			artifact(doc, () => doc.lineWidth(0.8).rect(x, y, box, box).stroke('#000000'));
			const isNa = choice.value === 'na';
			const label = isNa ? `${choice.key} ${text(choice.label)}` : choice.key;
			tagged(doc, section, 'P', () =>
				doc.font(fonts.regular).fontSize(7.5).text(label, x - 2 * mm, y + box + 1, { width: box + 4 * mm + (isNa ? 20 * mm : 0), align: isNa ? 'left' : 'center' })
			);
		});
		const endX = start + field.choices.filter((choice) => choice.value !== 'na').length * step;
		tagged(doc, section, 'P', () => doc.font(fonts.regular).fontSize(7.5).text(high, endX, y, { width: 30 * mm }));
		doc.x = left;
		doc.y = y + box + 14;
		return;
	}
	if (field.kind === 'choice' || field.kind === 'choices') {
		for (const choice of field.choices) {
			ensure(16);
			const y = doc.y;
			const x = left + indent;
			artifact(doc, () => (field.kind === 'choices' ? doc.lineWidth(0.8).rect(x, y, box, box).stroke('#000000') : doc.lineWidth(0.8).circle(x + box / 2, y + box / 2, box / 2).stroke('#000000')));
			const label = choice.label ? `${choice.key}  ${text(choice.label)}` : choice.key;
			tagged(doc, section, 'P', () => doc.font(fonts.regular).fontSize(9.5).text(label, x + box + 2 * mm, y, { width: width - indent - box - 2 * mm }));
			doc.y += 2;
		}
		doc.x = left;
		return;
	}
	const lines = field.kind === 'long_text' ? 4 : 1;
	ensure(lines * 9 * mm + 6);
	artifact(doc, () => {
		for (let line = 1; line <= lines; line++) {
			const y = doc.y + line * 8 * mm;
			doc.lineWidth(0.5).moveTo(left + indent, y).lineTo(left + width, y).stroke('#000000');
		}
	});
	doc.y += lines * 8 * mm + 4;
	doc.x = left;
}
