import type { Instrument } from '../instrument.ts';
import type { ItemOf } from '../items.ts';
import type { LocalizedText } from '../localized-text.ts';
import { agreementScale, dontKnow, t } from './wording.ts';

/**
 * Customer-service survey after source 000 (PiKe customer-service survey results). The source
 * publishes results, not the questionnaire: the statements restate its strengths ("ystävällisyys,
 * kohteliaisuus, positiivisuus ja helppo lähestyttävyys") and improvement areas (offering
 * expertise, proactive service, digital channels) in its own words (`source: '000'`); scales,
 * channels and background questions are ours (`source: 'aspa'`). Age bands let reports compare
 * 15–29-year-olds with those over 45, as the source does.
 */
export function customerServiceSurvey(): Instrument {
	return {
		schemaVersion: 1,
		baseLanguage: 'fi',
		languages: ['fi', 'sv', 'en'],
		title: t('Kirjaston asiakaspalvelukysely', 'Enkät om bibliotekets kundservice', 'Library customer-service survey'),
		description: t(
			'Kiitos, että kerrot kokemuksistasi! Vastaat nimettömänä, ja vastauksia käytetään asiakaspalvelun kehittämiseen.',
			'Tack för att du berättar om dina erfarenheter! Du svarar anonymt och svaren används för att utveckla kundservicen.',
			'Thank you for telling us about your experience! You answer anonymously, and the answers are used to improve our customer service.'
		),
		sections: [
			{
				id: 'visit',
				title: t('Asiointisi', 'Ditt ärende', 'Your use of the library'),
				items: [
					{
						id: 'channels',
						kind: 'multiple_choice',
						text: t(
							'Mitä kirjaston palveluja ja asiointikanavia olet käyttänyt viimeisen vuoden aikana?',
							'Vilka av bibliotekets tjänster och kanaler har du använt under det senaste året?',
							'Which library services and channels have you used in the past year?'
						),
						options: [
							{ code: 'library_visit', label: t('Kävin kirjastossa', 'Jag besökte biblioteket', 'I visited the library') },
							{ code: 'mobile_library', label: t('Kirjastoauto', 'Biblioteksbussen', 'The mobile library') },
							{ code: 'web_library', label: t('Verkkokirjasto', 'Webbiblioteket', 'The web library') },
							{
								code: 'e_materials',
								label: t('E-aineistot (e-kirjat, e-lehdet, tietokannat)', 'E-material (e-böcker, e-tidningar, databaser)', 'E-materials (e-books, e-magazines, databases)')
							},
							{ code: 'chat', label: t('Chat', 'Chatten', 'Chat') },
							{ code: 'email', label: t('Sähköposti', 'E-post', 'E-mail') },
							{ code: 'phone', label: t('Puhelin', 'Telefon', 'Telephone') },
							{ code: 'social_media', label: t('Sosiaalinen media', 'Sociala medier', 'Social media') }
						],
						other: { label: t('Muu, mikä?', 'Annat, vad?', 'Other, what?') },
						source: 'aspa',
						note: 'Source 000 calls for multichannel service; the channel list is ours.'
					}
				]
			},
			{
				id: 'service',
				title: t('Asiakaspalvelu', 'Kundservice', 'Customer service'),
				intro: t(
					'Miten seuraavat väitteet kuvaavat kirjaston asiakaspalvelua?',
					'Hur väl beskriver följande påståenden bibliotekets kundservice?',
					'How well do the following statements describe the library’s customer service?'
				),
				items: [
					statement('friendliness', t('Henkilökunta on ystävällistä.', 'Personalen är vänlig.', 'The staff are friendly.')),
					statement('courtesy', t('Henkilökunta on kohteliasta.', 'Personalen är artig.', 'The staff are courteous.')),
					statement('positivity', t('Asiakaspalvelu on positiivista.', 'Kundservicen är positiv.', 'The service is positive.')),
					statement(
						'approachability',
						t('Henkilökuntaa on helppo lähestyä.', 'Det är lätt att vända sig till personalen.', 'The staff are easy to approach.')
					),
					statement(
						'expertise',
						t(
							'Henkilökunta tarjoaa osaamistaan asiakkaiden käyttöön.',
							'Personalen ställer sitt kunnande till kundernas förfogande.',
							'The staff offer their expertise to customers.'
						)
					),
					statement(
						'proactivity',
						t(
							'Henkilökunta tulee luokseni aloitteellisesti ja aktiivisesti.',
							'Personalen kommer fram till mig på eget initiativ och aktivt.',
							'The staff come to me on their own initiative and actively.'
						)
					),
					{
						...statement(
							'digital_services',
							t(
								'Saan hyvää palvelua kirjaston digitaalisissa kanavissa (verkkokirjasto, e-aineistot, chat, sähköposti, some).',
								'Jag får god service i bibliotekets digitala kanaler (webbiblioteket, e-material, chatt, e-post, sociala medier).',
								'I get good service in the library’s digital channels (web library, e-materials, chat, e-mail, social media).'
							)
						),
						showIf: { in: ['channels', ['web_library', 'e_materials', 'chat', 'email', 'social_media']] }
					},
					statement(
						'future_use',
						t(
							'Aion käyttää kirjaston palveluja tulevaisuudessa nykyistä enemmän.',
							'Jag tänker använda bibliotekets tjänster mer i framtiden än nu.',
							'I intend to use library services more in the future than now.'
						)
					),
					{
						id: 'develop',
						kind: 'long_text',
						text: t(
							'Mitä meidän pitäisi kehittää kirjaston asiakaspalvelussa?',
							'Vad borde vi utveckla i bibliotekets kundservice?',
							'What should we improve in the library’s customer service?'
						),
						maxLength: 2000,
						source: '000',
						note: 'The question is the heading of source 000.'
					}
				]
			},
			{
				id: 'background',
				title: t('Taustatiedot', 'Bakgrundsuppgifter', 'About you'),
				intro: t(
					'Taustatiedoilla vertaamme, miten palvelu kohtaa eri asiakasryhmät. Tietoja ei yhdistetä sinuun.',
					'Med bakgrundsuppgifterna jämför vi hur servicen når olika kundgrupper. Uppgifterna kopplas inte till dig.',
					'With these details we compare how the service meets different groups of customers. They are not linked to you.'
				),
				items: [background.ageBand(), background.education(), background.lifeSituation(), background.homeLibrary()]
			}
		]
	};
}

function statement(id: string, text: LocalizedText): ItemOf<'rating'> {
	return {
		id,
		kind: 'rating',
		text,
		scale: agreementScale(),
		allowNa: true,
		naLabel: dontKnow(),
		tags: [id],
		source: '000',
		note: 'Statement phrased by Aspa from the strengths and improvement areas of source 000.'
	};
}

const background = {
	ageBand: (): ItemOf<'single_choice'> => ({
		id: 'age_band',
		kind: 'single_choice',
		text: t('Ikäsi', 'Din ålder', 'Your age'),
		segment: 'age_band',
		options: [
			{ code: 'under-15', label: t('alle 15 vuotta', 'under 15 år', 'under 15') },
			{ code: '15-29', label: t('15–29 vuotta', '15–29 år', '15–29') },
			{ code: '30-44', label: t('30–44 vuotta', '30–44 år', '30–44') },
			{ code: '45-64', label: t('45–64 vuotta', '45–64 år', '45–64') },
			{ code: '65-plus', label: t('65 vuotta tai yli', '65 år eller äldre', '65 or over') }
		],
		source: 'aspa',
		note: 'Bands chosen so that 15–29 and 45+ (source 000) can be compared.'
	}),
	education: (): ItemOf<'single_choice'> => ({
		id: 'education',
		kind: 'single_choice',
		text: t('Korkein suorittamasi koulutus', 'Din högsta avlagda utbildning', 'Your highest completed education'),
		segment: 'education',
		options: [
			{ code: 'none_yet', label: t('Ei vielä tutkintoa', 'Ingen examen ännu', 'No qualification yet') },
			{ code: 'basic', label: t('Perusaste (peruskoulu, kansakoulu)', 'Grundnivå (grundskola, folkskola)', 'Basic (comprehensive school)') },
			{
				code: 'upper_secondary',
				label: t('Toinen aste (lukio, ammatillinen koulutus)', 'Andra stadiet (gymnasium, yrkesutbildning)', 'Upper secondary (general or vocational)')
			},
			{
				code: 'higher',
				label: t('Korkea-aste (ammattikorkeakoulu, yliopisto)', 'Högre nivå (yrkeshögskola, universitet)', 'Higher (university of applied sciences, university)')
			}
		],
		source: 'aspa',
		note: 'Source 000 finds the library resonates best with the academically educated.'
	}),
	lifeSituation: (): ItemOf<'single_choice'> => ({
		id: 'life_situation',
		kind: 'single_choice',
		text: t('Mikä kuvaa parhaiten elämäntilannettasi?', 'Vad beskriver bäst din livssituation?', 'What best describes your situation in life?'),
		segment: 'life_situation',
		options: [
			{ code: 'pupil', label: t('Koululainen', 'Skolelev', 'Pupil') },
			{ code: 'student', label: t('Opiskelija', 'Studerande', 'Student') },
			{ code: 'working', label: t('Työssä käyvä', 'Förvärvsarbetande', 'Working') },
			{ code: 'family', label: t('Lapsiperheen vanhempi', 'Förälder i en barnfamilj', 'Parent in a family with children') },
			{ code: 'job_seeker', label: t('Työtön tai työnhakija', 'Arbetslös eller arbetssökande', 'Unemployed or looking for work') },
			{ code: 'senior', label: t('Eläkeläinen', 'Pensionär', 'Retired') },
			{ code: 'other_situation', label: t('Muu', 'Annat', 'Other') }
		],
		source: 'aspa',
		note: 'Source 000 singles out families with children and seniors.'
	}),
	homeLibrary: (): ItemOf<'single_choice'> => ({
		id: 'home_library',
		kind: 'single_choice',
		text: t('Mikä on pääasiallinen kirjastosi?', 'Vilket är ditt huvudsakliga bibliotek?', 'Which is your main library?'),
		segment: 'home_library',
		optionsFrom: 'libraries',
		display: 'dropdown',
		source: 'aspa'
	})
};
