import type { LocalizedText } from '../localized-text.ts';
import type { Scale } from '../scale.ts';

/** Finnish, Swedish and English wording of a template text. */
export function t(fi: string, sv: string, en: string): LocalizedText {
	return { fi, sv, en };
}

/** Five-point agreement scale, every point labelled (wording by Aspa). */
export function agreementScale(): Scale {
	return {
		min: 1,
		max: 5,
		pointLabels: [
			t('Täysin eri mieltä', 'Helt av annan åsikt', 'Strongly disagree'),
			t('Jokseenkin eri mieltä', 'Delvis av annan åsikt', 'Somewhat disagree'),
			t('Ei samaa eikä eri mieltä', 'Varken av samma eller annan åsikt', 'Neither agree nor disagree'),
			t('Jokseenkin samaa mieltä', 'Delvis av samma åsikt', 'Somewhat agree'),
			t('Täysin samaa mieltä', 'Helt av samma åsikt', 'Strongly agree')
		]
	};
}

/** A five-point scale labelled only at its ends, as the sources print such scales. */
export function endLabelledScale(low: LocalizedText, high: LocalizedText): Scale {
	return { min: 1, max: 5, lowLabel: low, highLabel: high };
}

export function dontKnow(): LocalizedText {
	return t('En osaa sanoa', 'Kan inte säga', "Don't know");
}
