import type { Instrument } from '../instrument.ts';
import type { LocalizedText } from '../localized-text.ts';
import { t } from './wording.ts';

/**
 * Customer-promise pulse (source 003: after the mystery-shopping project the Kyyti libraries made
 * a customer promise and measured it with a short survey). One tap on four smileys, an optional
 * "what was it about?" and an optional comment. The source does not print the promise, so the
 * default statements are ours; a coordinator replaces them with the network's own promise.
 */
export const defaultCustomerPromise: readonly LocalizedText[] = [
	t(
		'Kohtaamme jokaisen asiakkaan ystävällisesti ja tasavertaisesti.',
		'Vi bemöter varje kund vänligt och jämlikt.',
		'We meet every customer in a friendly way and as an equal.'
	),
	t(
		'Autamme löytämään sen, mitä etsit – kirjastossa ja verkossa.',
		'Vi hjälper dig att hitta det du söker – i biblioteket och på nätet.',
		'We help you find what you are looking for – in the library and online.'
	),
	t('Hoidamme asiasi loppuun asti.', 'Vi sköter ditt ärende ända till slut.', 'We see your matter through to the end.'),
	t('Pidämme kirjaston siistinä ja viihtyisänä.', 'Vi håller biblioteket snyggt och trivsamt.', 'We keep the library tidy and pleasant.')
];

export function customerPromisePulse(promise: readonly LocalizedText[] = defaultCustomerPromise): Instrument {
	return {
		schemaVersion: 1,
		baseLanguage: 'fi',
		languages: ['fi', 'sv', 'en'],
		title: t('Miten onnistuimme?', 'Hur lyckades vi?', 'How did we do?'),
		sections: [
			{
				id: 'pulse',
				title: t('Asiakaslupauksemme', 'Vårt kundlöfte', 'Our customer promise'),
				items: [
					{
						id: 'promise',
						kind: 'info',
						text: t('Lupaamme sinulle:', 'Vi lovar dig:', 'We promise you:'),
						list: promise.map((statement) => ({ ...statement })),
						source: 'aspa',
						note: 'Editable: the network’s own promise statements.'
					},
					{
						id: 'satisfaction',
						kind: 'happy_index',
						text: t('Miten onnistuimme lupauksessamme tänään?', 'Hur väl höll vi vårt löfte i dag?', 'How well did we keep our promise today?'),
						required: true,
						labels: [
							t('Erittäin tyytymätön', 'Mycket missnöjd', 'Very unhappy'),
							t('Tyytymätön', 'Missnöjd', 'Unhappy'),
							t('Tyytyväinen', 'Nöjd', 'Happy'),
							t('Erittäin tyytyväinen', 'Mycket nöjd', 'Very happy')
						],
						source: 'aspa'
					},
					{
						id: 'topic',
						kind: 'single_choice',
						text: t('Mihin kokemuksesi liittyi?', 'Vad gällde din upplevelse?', 'What was it about?'),
						showIf: { answered: 'satisfaction' },
						options: [
							{ code: 'service', label: t('Asiakaspalvelu', 'Kundservice', 'Customer service') },
							{ code: 'premises', label: t('Tilat', 'Lokaler', 'Premises') },
							{ code: 'collections', label: t('Kokoelmat', 'Samlingar', 'Collections') },
							{ code: 'e_services', label: t('E-palvelut', 'E-tjänster', 'E-services') },
							{ code: 'events', label: t('Tapahtumat', 'Evenemang', 'Events') },
							{ code: 'other', label: t('Muu', 'Annat', 'Something else') }
						],
						source: 'aspa'
					},
					{
						id: 'comment',
						kind: 'long_text',
						text: t('Haluatko kertoa lisää?', 'Vill du berätta mer?', 'Would you like to tell us more?'),
						showIf: { answered: 'satisfaction' },
						maxLength: 500,
						source: 'aspa'
					}
				]
			}
		]
	};
}
