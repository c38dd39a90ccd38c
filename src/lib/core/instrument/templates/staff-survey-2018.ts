import type { Instrument } from '../instrument.ts';
import type { ItemOf, MatrixRow } from '../items.ts';
import type { LocalizedText } from '../localized-text.ts';
import { endLabelledScale, t } from './wording.ts';

/**
 * PiKe staff survey 2018 (source 001), as published: the questions, the ten tools and eight
 * active-service statements in their published order, and the published scales. The source prints
 * only the end labels of the importance and realisation scales, so those have five points
 * (ADR 0010). Swedish and English are ours. Published figures: `staff-survey-2018.reference.ts`.
 */
export function staffSurvey2018(): Instrument {
	return {
		schemaVersion: 1,
		baseLanguage: 'fi',
		languages: ['fi', 'sv', 'en'],
		title: t('Henkilökuntakysely 2018', 'Personalenkät 2018', 'Staff survey 2018'),
		description: t(
			'Kyselyn tavoitteena on selvittää kirjaston asiakaspalvelun nykytilannetta, kartoittaa asiakaspalvelijoiden vahvuuksia ja kehitystarpeita sekä asiakaspalvelun tulevaisuutta.',
			'Enkäten kartlägger nuläget i bibliotekets kundservice, kundservicepersonalens styrkor och utvecklingsbehov samt kundservicens framtid.',
			'The survey maps the current state of library customer service, the strengths and development needs of customer-service staff, and the future of customer service.'
		),
		sections: [
			{
				id: 'anatomy',
				title: t('Hyvän asiakaspalvelun anatomia', 'God kundservice', 'Anatomy of good customer service'),
				items: [
					openQuestion(
						'good_service',
						t('Millaista on hyvä asiakaspalvelu?', 'Hur ser god kundservice ut?', 'What is good customer service like?'),
						t(
							'Kerro omista kokemuksistasi hyvästä asiakaspalvelusta.',
							'Berätta om dina egna erfarenheter av god kundservice.',
							'Tell us about your own experiences of good customer service.'
						)
					)
				]
			},
			{
				id: 'tools',
				title: t('Asiakaspalvelun työvälineet', 'Redskap i kundservicen', 'Customer-service tools'),
				items: [toolsMatrix(), openQuestion('other_tools', t('Muut välineet asiakaspalvelussa', 'Andra redskap i kundservicen', 'Other tools in customer service'))]
			},
			{
				id: 'identification',
				title: t('Asiakaspalvelijan tunnistettavuus', 'Att känna igen personalen', 'Recognising staff'),
				items: [identificationMatrix()]
			},
			{
				id: 'active_service',
				title: t('Aktiivinen asiakaspalvelu', 'Aktiv kundservice', 'Active customer service'),
				items: [activeServiceMatrix()]
			},
			{
				id: 'experiences',
				title: t('Onnistumiset ja haasteet', 'Framgångar och utmaningar', 'Successes and challenges'),
				items: [
					openQuestion(
						'success_story',
						t(
							'Kerro esimerkki asiakaspalvelutilanteesta, jossa olet onnistunut?',
							'Berätta om en kundservicesituation där du har lyckats.',
							'Describe a customer-service situation in which you succeeded.'
						)
					),
					openQuestion(
						'could_do_better',
						t(
							'Kerro esimerkki asiakaspalvelutilanteesta, jossa olisit voinut toimia paremmin?',
							'Berätta om en kundservicesituation där du kunde ha agerat bättre.',
							'Describe a customer-service situation in which you could have done better.'
						)
					)
				]
			},
			{
				id: 'future',
				title: t('Aktiivisempi asiakaspalvelu tulevaisuudessa', 'Aktivare kundservice i framtiden', 'More active service in future'),
				items: [
					openQuestion(
						'future_active_service',
						t(
							'Miten itse voisit edistää entistä aktiivisempaa asiakaspalvelua tulevaisuudessa? Millaisia taitoja tulet tässä tarvitsemaan?',
							'Hur kunde du själv främja en allt aktivare kundservice i framtiden? Vilka färdigheter kommer du att behöva för det?',
							'How could you yourself promote more active customer service in future? What skills will you need for it?'
						)
					)
				]
			},
			{
				id: 'background',
				title: t('Taustatiedot', 'Bakgrundsuppgifter', 'About you'),
				items: [
					{
						id: 'gender',
						kind: 'single_choice',
						text: t('Sukupuoli', 'Kön', 'Gender'),
						segment: 'gender',
						options: [
							{ code: 'female', label: t('Nainen', 'Kvinna', 'Woman') },
							{ code: 'male', label: t('Mies', 'Man', 'Man') },
							{ code: 'other_or_none', label: t('Muu tai en halua vastata', 'Annat eller vill inte svara', 'Other or prefer not to say') }
						],
						source: '001'
					},
					{
						id: 'workplace',
						kind: 'single_choice',
						text: t('Työpaikka', 'Arbetsplats', 'Workplace'),
						segment: 'workplace',
						optionsFrom: 'libraries',
						display: 'dropdown',
						source: '001'
					}
				]
			}
		]
	};
}

function openQuestion(id: string, text: LocalizedText, help?: LocalizedText): ItemOf<'long_text'> {
	return { id, kind: 'long_text', text, ...(help ? { help } : {}), maxLength: 4000, source: '001' };
}

function row(id: string, text: LocalizedText, tags?: string[]): MatrixRow {
	return tags ? { id, text, tags, source: '001' } : { id, text, source: '001' };
}

function toolsMatrix(): ItemOf<'matrix'> {
	return {
		id: 'tools',
		kind: 'matrix',
		text: t(
			'Miten usein käytät asiakaspalvelussa seuraavia työvälineitä?',
			'Hur ofta använder du följande redskap i kundservicen?',
			'How often do you use the following tools in customer service?'
		),
		scale: {
			min: 1,
			max: 3,
			pointLabels: [
				t('Käytän päivittäin tai useita kertoja viikossa', 'Jag använder det dagligen eller flera gånger i veckan', 'I use it daily or several times a week'),
				t('Käytän viikoittain tai harvemmin', 'Jag använder det varje vecka eller mer sällan', 'I use it weekly or less often'),
				t('En käytä koskaan', 'Jag använder det aldrig', 'I never use it')
			]
		},
		rows: [
			row('library_system', t('Kirjastojärjestelmä', 'Bibliotekssystemet', 'Library system')),
			row('computer', t('Tietokone', 'Dator', 'Computer')),
			row('email', t('Sähköposti', 'E-post', 'E-mail')),
			row('web_library', t('Verkkokirjasto', 'Webbiblioteket', 'Web library'), ['digital_services']),
			row('booking_software', t('Ajanvarausohjelma', 'Tidsbokningsprogram', 'Booking software')),
			row('databases', t('Tietokannat', 'Databaser', 'Databases'), ['digital_services']),
			row('smartphone', t('Älypuhelin', 'Smarttelefon', 'Smartphone')),
			row('printed_sources', t('Painetut lähteet', 'Tryckta källor', 'Printed sources')),
			row('social_media', t('Somekanavat', 'Sociala medier', 'Social media channels'), ['digital_services']),
			row('tablet', t('Tabletti', 'Surfplatta', 'Tablet'))
		],
		source: '001',
		note: 'Values follow the published column order: 1 = daily or several times a week, 2 = weekly or less, 3 = never. Report as distributions, not means.'
	};
}

function identificationMatrix(): ItemOf<'matrix'> {
	return {
		id: 'identification',
		kind: 'matrix',
		text: t(
			'Kuinka tärkeänä pidät mainittua työasustetta tunnistettavuuden kannalta?',
			'Hur viktigt anser du att följande är för att personalen ska kännas igen?',
			'How important is each of the following for recognising staff?'
		),
		scale: endLabelledScale(t('Ei ollenkaan tärkeä', 'Inte alls viktigt', 'Not at all important'), t('Hyvin tärkeä', 'Mycket viktigt', 'Very important')),
		rows: [
			row('shoulder_bag', t('Olkalaukku, tabletti- tai läppärilaukku', 'Axelväska, surfplatte- eller laptopväska', 'Shoulder bag, tablet or laptop bag')),
			row('work_outfit', t('Työasu', 'Arbetsdräkt', 'Work outfit')),
			row('work_accessory', t('Työasuste', 'Arbetsaccessoar', 'Work accessory')),
			row('lanyard', t('Kaulanauha', 'Nyckelband', 'Lanyard')),
			row('name_badge', t('Nimikyltti', 'Namnskylt', 'Name badge'))
		],
		tags: ['identifiability'],
		source: '001',
		note: 'The source prints only the end labels; five points (ADR 0010).'
	};
}

function activeServiceMatrix(): ItemOf<'matrix'> {
	return {
		id: 'active_service',
		kind: 'matrix',
		text: t(
			'Kuinka hyvin seuraavat asiat toteutuvat kirjastossanne?',
			'Hur väl förverkligas följande i ert bibliotek?',
			'How well are the following realised in your library?'
		),
		scale: endLabelledScale(t('Paljon parannettavaa', 'Mycket att förbättra', 'Much to improve'), t('Toteutuu hyvin', 'Förverkligas väl', 'Realised well')),
		rows: [
			row('walk_about', t('Jalkaudumme aktiivisesti kirjastotilaan', 'Vi rör oss aktivt ute i bibliotekslokalen', 'We actively step out into the library space'), ['proactivity']),
			row(
				'recommend',
				t(
					'Suosittelemme aineistoja ja vinkkaamme teoksia asiakaspalvelussa',
					'Vi rekommenderar material och tipsar om verk i kundservicen',
					'We recommend materials and suggest titles in customer service'
				),
				['proactivity', 'expertise']
			),
			row(
				'tidy_service_points',
				t(
					'Asiakaspalvelupisteemme ovat siistejä ja helposti lähestyttäviä',
					'Våra kundservicepunkter är snygga och lätta att närma sig',
					'Our service points are tidy and easy to approach'
				),
				['tidiness', 'approachability']
			),
			row('cheerful', t('Palvelumme on iloista', 'Vår service är glad', 'Our service is cheerful'), ['positivity']),
			row(
				'shared_practices',
				t(
					'Meillä on yhteisesti sovittuja asiakaspalvelukäytäntöjä',
					'Vi har gemensamt överenskomna rutiner för kundservice',
					'We have jointly agreed customer-service practices'
				),
				['consistency']
			),
			row('approachable_staff', t('Henkilökuntaamme on helppo lähestyä', 'Vår personal är lätt att närma sig', 'Our staff are easy to approach'), ['approachability']),
			row(
				'equal_treatment',
				t(
					'Kohtaamme erilaiset asiakkaat asiakaspalvelutilanteissa tasavertaisesti',
					'Vi bemöter olika kunder jämlikt i kundservicesituationer',
					'We treat different customers as equals in service situations'
				),
				['equality']
			),
			row(
				'follow_through',
				t(
					'Hoidamme asiakaspalvelutilanteet aina loppuun asti',
					'Vi sköter alltid kundservicesituationerna ända till slut',
					'We always see service situations through to the end'
				),
				['completion']
			)
		],
		source: '001',
		note: 'The source prints only the end labels; five points (ADR 0010).'
	};
}
