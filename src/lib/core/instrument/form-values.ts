import { ipFacets, libqualFacets, naValue, type Answer, type Answers } from './answers.ts';
import { fieldName } from './field-names.ts';
import { answerableItems, type Instrument } from './instrument.ts';

/**
 * Answers → the form fields that would post them (field-names.ts), for prefilling a resumed or
 * returned form. `checkSubmission` of the result gives the same answers back.
 */
export function answersToFormData(instrument: Instrument, answers: Answers): Record<string, string | string[]> {
	const data: Record<string, string | string[]> = {};
	for (const item of answerableItems(instrument)) {
		const answer = answers[item.id];
		if (answer && answer.kind === item.kind) Object.assign(data, answerFields(item.id, answer));
	}
	return data;
}

function answerFields(itemId: string, answer: Answer): Record<string, string | string[]> {
	const field = (part?: string) => fieldName(itemId, part);
	const other = (text: string | undefined) => (text === undefined ? {} : { [field('other')]: text });
	switch (answer.kind) {
		case 'single_choice':
			return { [field()]: answer.code, ...other(answer.otherText) };
		case 'multiple_choice':
			return { [field()]: [...answer.codes], ...other(answer.otherText) };
		case 'matrix':
			return Object.fromEntries(Object.entries(answer.rows).map(([row, value]) => [field(row), String(value)]));
		case 'importance_performance':
			return Object.fromEntries(
				ipFacets.flatMap((facet) => (answer[facet] === undefined ? [] : [[field(facet), String(answer[facet])]]))
			);
		case 'libqual': {
			const levels = answer.value;
			if (levels === naValue) return { [field(naValue)]: 'on' };
			return Object.fromEntries(libqualFacets.map((facet) => [field(facet), String(levels[facet])]));
		}
		case 'short_text':
		case 'long_text':
			return { [field()]: answer.text };
		default:
			return { [field()]: String(answer.value) };
	}
}
