import type { Instrument } from '../instrument.ts';
import { t } from './wording.ts';

/**
 * Feedback on a training day (source 002, training day 1 "Asiakaslähtöinen kulttuuri"): the two
 * questions participants answered there, worded as published, plus an overall grade. The grade is
 * ours (`source: 'aspa'`): a Finnish school grade 4–10, the scale Finnish library staff know from
 * the national user survey, so training days compare on one familiar figure (ADR 0010).
 */
export function trainingDayFeedback(): Instrument {
	return {
		schemaVersion: 1,
		baseLanguage: 'fi',
		languages: ['fi', 'sv', 'en'],
		title: t('Palaute valmennuspäivästä', 'Respons på träningsdagen', 'Training-day feedback'),
		sections: [
			{
				id: 'feedback',
				title: t('Palautteesi', 'Din respons', 'Your feedback'),
				items: [
					{
						id: 'overall_grade',
						kind: 'school_grade',
						text: t(
							'Minkä kouluarvosanan (4–10) antaisit valmennuspäivälle?',
							'Vilket skolvitsord (4–10) skulle du ge träningsdagen?',
							'What school grade (4–10) would you give the training day?'
						),
						source: 'aspa',
						note: 'Overall rating chosen by Aspa: school grade 4–10, whole grades (ADR 0010).'
					},
					{
						id: 'thoughts_and_feelings',
						kind: 'long_text',
						text: t(
							'Mitä ajatuksia ja tunnelmia valmennusohjelman päivä herätti sinussa?',
							'Vilka tankar och känslor väckte dagen i träningsprogrammet hos dig?',
							'What thoughts and feelings did this day of the training programme stir in you?'
						),
						maxLength: 4000,
						source: '002'
					},
					{
						id: 'takeaways',
						kind: 'long_text',
						text: t(
							'Mitä konkreettista jäi valmennuspäivästä sinulle käteen? Mitä asioita viet omaan työpaikkaan?',
							'Vad konkret fick du med dig från träningsdagen? Vilka saker tar du med dig till din egen arbetsplats?',
							'What concrete things did you take away from the training day? What will you take back to your own workplace?'
						),
						maxLength: 4000,
						source: '002'
					}
				]
			}
		]
	};
}
