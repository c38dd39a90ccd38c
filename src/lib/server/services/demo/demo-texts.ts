/**
 * Open-text answers for the demo, written as library customers and staff write them: short,
 * inflected Finnish (aukioloajat, aukioloaikoja, aukioloaikojen …), some Swedish and English. The
 * themes recur on purpose (opening hours, friendly staff, self-service machines, events for
 * children, a quiet space, e-books), so the open-text themes of a report have something to find.
 * A few answers carry an e-mail address or a phone number, which every displayed quote masks.
 * Addresses use the reserved example domains; numbers are made up.
 */

export type DemoTheme = 'opening_hours' | 'friendly_staff' | 'self_service' | 'children_events' | 'quiet_space' | 'e_books' | 'general';
type Language = 'fi' | 'sv' | 'en';

/** Finnish answers to "what should we improve?", by theme. `friendly_staff` has praise and critique. */
const fi: Record<Exclude<DemoTheme, 'friendly_staff'>, string[]> & { friendly_staff: { praise: string[]; critique: string[] } } = {
	opening_hours: [
		'Aukioloajat voisivat olla pidemmät, varsinkin viikonloppuisin.',
		'Kirjasto saisi olla auki myös sunnuntaisin.',
		'Toivoisin pidempiä aukioloaikoja iltaisin, töiden jälkeen ei ehdi käymään.',
		'Lauantain aukioloajat ovat aivan liian lyhyet.',
		'Omatoimiaikaa voisi laajentaa aamuihin, niin pääsisi ennen töitä hakemaan varaukset.',
		'Aukioloaikojen muutoksista pitäisi tiedottaa paremmin, tulin suljetun oven taakse.',
		'Kesän aukioloajat ovat hankalat lapsiperheelle.',
		'Iltaisin voisi olla auki kahdeksaan asti',
		'pidemmät aukioloajat ja enemmän henkilökuntaa paikalle iltaisin',
		'Aukiolo on liian lyhyt arkisin, kello 19 on aikainen sulkemisaika.'
	],
	friendly_staff: {
		praise: [
			'Henkilökunta on aina ystävällistä ja auttavaista, kiitos!',
			'Ystävällinen ja asiantunteva henkilökunta, ei mitään moitittavaa.',
			'Kiitos ystävälliselle henkilökunnalle, sain apua heti.',
			'Henkilökunnan ystävällisyys on kirjaston paras puoli.',
			'Tiskillä palveltiin hymyillen ja kärsivällisesti, vaikka kysyin monta kertaa samaa.',
			'Ihana ja ystävällinen henkilökunta, tänne on aina mukava tulla.',
			'Virkailijat ovat ystävällisiä ja neuvovat mielellään.'
		],
		critique: [
			'Virkailijat voisivat olla hieman ystävällisempiä nuorille asiakkaille.',
			'Tuntuu, että henkilökunta ei ehdi auttaa, kun asiakkaita on paljon.',
			'Kaikki työntekijät eivät tervehdi, vaikka katsoisi silmiin.',
			'Henkilökunta voisi tulla kysymään, tarvitsenko apua. En aina uskalla mennä tiskille.',
			'Olisi kiva, jos henkilökunta vinkkaisi kirjoja oma-aloitteisesti.',
			'Nuorena asiakkaana tuntuu, ettei henkilökunta ota tosissaan.',
			'Henkilökunnan asiantuntemusta ei tuoda esille, pitää itse osata kysyä oikein.'
		]
	},
	self_service: [
		'Lainausautomaatit eivät aina toimi ja jonot kasvavat.',
		'Itsepalveluautomaatin käyttö on vaikeaa, ohjeet voisivat olla selkeämmät.',
		'Palautusautomaatti oli taas rikki.',
		'Automaatilla lainaaminen sujuu nopeasti, hyvä juttu.',
		'Ikäihmisille pitäisi opastaa automaattien käyttöä, en osannut itse.',
		'Lainausautomaatteja voisi olla enemmän, ruuhka-aikaan niitä joutuu jonottamaan.',
		'Automaatti ei tunnistanut kirjastokorttia, jouduin menemään tiskille.',
		'itsepalvelukoneet on hankalia, mieluummin asioisin ihmisen kanssa'
	],
	children_events: [
		'Lapsille enemmän tapahtumia viikonloppuisin, esim. satutunteja.',
		'Satutunnit ovat lasten lempiasia, lisää niitä!',
		'Lasten tapahtumia voisi olla myös iltapäivisin, kun vanhemmat pääsevät töistä.',
		'Koululaisille voisi järjestää pelikerhoja ja lukupiirejä.',
		'Perhetapahtumista pitäisi tiedottaa paremmin somessa.',
		'Lastenosastolle toivoisin enemmän tilaa leikkiä.',
		'Vauvaperheille lorutunteja, kiitos!',
		'Lasten tapahtumat ovat olleet ihania, toivottavasti niitä jatketaan.'
	],
	quiet_space: [
		'Hiljaista tilaa opiskeluun tarvittaisiin lisää.',
		'Lukusalissa on liian meluisaa, hiljainen tila olisi tarpeen.',
		'Kaipaan rauhallista paikkaa, jossa voi keskittyä lukemaan.',
		'Opiskelupaikkoja ja pistorasioita lisää, tenttikaudella kaikki paikat on täynnä.',
		'Hiljaisen tilan säännöistä pitäisi huolehtia, jotkut puhuvat siellä puhelimeen.',
		'Hiljaisia työpisteitä voisi varata netistä etukäteen.',
		'Enemmän hiljaisia tiloja, nyt joka paikassa on hälinää'
	],
	e_books: [
		'E-kirjoja on liian vähän ja niihin on pitkät jonot.',
		'Enemmän e-kirjoja ja äänikirjoja, kiitos!',
		'E-kirjojen lainaaminen sovelluksella on hankalaa.',
		'Äänikirjojen valikoima on suppea, varsinkin uutuuksien.',
		'E-aineistojen käyttöön voisi saada opastusta kirjastossa.',
		'Toivoisin, että e-kirjoja saisi lainata useamman kerralla.',
		'Uusimpia e-kirjoja joutuu jonottamaan kuukausia.'
	],
	general: [
		'Kaikki on hyvin, kiitos!',
		'Hyvä kirjasto, jatkakaa samaan malliin.',
		'Uutuushylly on hyvä, sieltä löytää aina jotain.',
		'Pysäköintipaikkoja on liian vähän.',
		'Kahvila kirjaston yhteyteen olisi ihana.',
		'Kokoelmissa voisi olla enemmän selkokirjoja.',
		'Verkkokirjaston haku ei löydä sitä mitä etsin.'
	]
};

/** Praise for proactive service that only the later round writes: the change the round shows. */
const fiProactiveImproved = [
	'Tänä vuonna henkilökunta on tullut kysymään, löydänkö etsimäni. Todella hyvä muutos!',
	'Hyllyjen välissä kysyttiin, tarvitsenko apua, ja sain hyviä kirjavinkkejä.',
	'Henkilökunta on nykyään aktiivisempaa ja vinkkaa uutuuksia.'
];

const sv: Record<DemoTheme, string[]> = {
	opening_hours: ['Längre öppettider på kvällarna skulle vara bra.', 'Biblioteket borde vara öppet på söndagar också.'],
	friendly_staff: ['Personalen är alltid vänlig och hjälpsam.', 'Trevlig personal som tar sig tid att hjälpa till.', 'Det vore bra om personalen kunde betjäna på svenska oftare.'],
	self_service: ['Självbetjäningsautomaterna krånglar ofta.', 'Automaten läser inte mitt lånekort.'],
	children_events: ['Fler evenemang för barn, till exempel sagostunder på svenska.'],
	quiet_space: ['Det behövs ett tyst rum för studier.'],
	e_books: ['Fler e-böcker och ljudböcker på svenska, tack!'],
	general: ['Allt fungerar bra, tack!']
};

const en: Record<DemoTheme, string[]> = {
	opening_hours: ['Longer opening hours in the evenings would help a lot.', 'The library could be open on Sundays.'],
	friendly_staff: ['The staff are always friendly and helpful.', 'Friendly staff, but it would be nice if someone offered help without being asked.'],
	self_service: ["The self-service machines are confusing if you don't read Finnish."],
	children_events: ['More events for children, please, also in English.'],
	quiet_space: ['We need a quiet space for studying, the reading room is too noisy.'],
	e_books: ['More e-books in English would be great.'],
	general: ['Great library, thank you!']
};

/** Contact details some respondents add (masked wherever a quote is shown). */
const contacts: Record<Language, string[]> = {
	fi: [
		'Voitte ottaa yhteyttä: liisa.virtanen@example.fi',
		'Soittakaa minulle, jos haluatte kuulla lisää: 040 123 4567',
		'Vastaan mielelläni lisäkysymyksiin, matti.k@example.com tai 050 765 4321.',
		'Palautteeseen saa vastata sähköpostiini anna.nieminen@example.net'
	],
	sv: ['Kontakta mig gärna: karin.lind@example.se', 'Ring mig på +358 40 987 6543 om ni vill veta mer.'],
	en: ['Please contact me at alex.smith@example.com if you need more feedback.']
};

/** Weight of each theme by age band: students want a quiet space, families events, seniors help with machines. */
export const themeWeights: Record<string, Record<DemoTheme, number>> = {
	'15-29': { quiet_space: 3, opening_hours: 2.5, e_books: 2, friendly_staff: 1.5, self_service: 0.8, children_events: 0.3, general: 1 },
	'30-44': { children_events: 3, opening_hours: 2, e_books: 1.5, friendly_staff: 1.5, self_service: 1, quiet_space: 0.8, general: 1 },
	'45-64': { opening_hours: 2, friendly_staff: 2, e_books: 1.5, self_service: 1.2, quiet_space: 0.8, children_events: 0.7, general: 1.5 },
	'65-plus': { friendly_staff: 2.5, self_service: 2.5, opening_hours: 1.2, e_books: 0.8, children_events: 0.5, quiet_space: 0.7, general: 2 },
	other: { children_events: 1.5, quiet_space: 1, e_books: 1, opening_hours: 1, friendly_staff: 1, self_service: 1, general: 1 }
};

export interface TextChoice {
	language: Language;
	theme: DemoTheme;
	/** For friendly_staff in Finnish: praise or critique. */
	praise: boolean;
	/** The later round: some write about the improved proactive service. */
	laterRound: boolean;
}

/** One sentence of the theme, picked by `pick` (the caller's seeded stream). */
export function themeSentence(choice: TextChoice, pick: <T>(items: readonly T[]) => T): string {
	if (choice.language === 'sv') return pick(sv[choice.theme]);
	if (choice.language === 'en') return pick(en[choice.theme]);
	if (choice.theme === 'friendly_staff') {
		if (choice.praise && choice.laterRound) return pick([...fi.friendly_staff.praise, ...fiProactiveImproved]);
		return pick(choice.praise ? fi.friendly_staff.praise : fi.friendly_staff.critique);
	}
	return pick(fi[choice.theme]);
}

export function contactSentence(language: Language, pick: <T>(items: readonly T[]) => T): string {
	return pick(contacts[language]);
}

/** Comments on the one-tap pulse: short, about the visit just made. */
export const pulseComments: Record<Language, { happy: string[]; unhappy: string[] }> = {
	fi: {
		happy: [
			'Kiitos avusta!',
			'Sain heti apua tiskiltä.',
			'Nopeaa ja ystävällistä palvelua.',
			'Henkilökunta auttoi löytämään kirjan hyllystä.',
			'Ihana satutunti!',
			'Hyvä valikoima uutuuksia.',
			'Mukava tunnelma.',
			'Kiitos kun neuvoitte e-kirjojen kanssa!',
			'Ystävällinen palvelu, kiitos'
		],
		unhappy: [
			'Jono oli pitkä, vain yksi virkailija paikalla.',
			'Lainausautomaatti jumitti taas.',
			'Lehtisalissa oli liian kuuma.',
			'Tulostin ei toiminut.',
			'Liian vähän istumapaikkoja.',
			'Kukaan ei ehtinyt auttaa.'
		]
	},
	sv: { happy: ['Tack för hjälpen!', 'Snabb och vänlig service.'], unhappy: ['Automaten fungerade inte.'] },
	en: { happy: ['Thanks for the help!', 'Very friendly staff.'], unhappy: ['Long queue at the desk.'] }
};

/** Staff-survey answers (confidential study: reports show no quotes, only counts and themes). */
export const staffTexts: Record<'good_service' | 'success_story' | 'could_do_better' | 'future_active_service' | 'other_tools', string[]> = {
	good_service: [
		'Hyvä asiakaspalvelu on ystävällistä, kiireetöntä ja asiantuntevaa.',
		'Asiakas tulee kohdatuksi ja kuulluksi, ja asia hoidetaan loppuun asti.',
		'Hymy, katsekontakti ja aito halu auttaa.',
		'Asiakkaan tarpeen selvittäminen kysymällä eikä olettamalla.',
		'Tasavertainen kohtaaminen kaikille asiakkaille iästä ja taustasta riippumatta.'
	],
	success_story: [
		'Autoin iäkästä asiakasta lataamaan e-kirjan tabletille, ja hän lähti iloisena kotiin.',
		'Löysin asiakkaalle sukututkimukseen tarvittavan lähteen kaukolainana.',
		'Vinkkasin nuorelle fantasiasarjaa, ja hän tuli seuraavalla viikolla hakemaan jatko-osaa.',
		'Rauhoittelin kiukkuisen asiakkaan, joka oli saanut myöhästymismaksun, ja asia selvisi.'
	],
	could_do_better: [
		'Kiireessä en ehtinyt selvittää asiakkaan asiaa loppuun ja ohjasin hänet eteenpäin.',
		'Vastasin tylysti, kun asiakas valitti myöhästymismaksuista.',
		'En tunnistanut, että asiakas tarvitsi apua automaatilla, ennen kuin hän lähti.'
	],
	future_active_service: [
		'Jalkautuminen kirjastotilaan ja rohkeus mennä juttelemaan asiakkaiden kanssa.',
		'Digitaidot ja e-aineistojen tuntemus.',
		'Vuorovaikutustaidot ja kielitaito.',
		'Yhteiset pelisäännöt koko talolle, niin kaikki toimivat samalla tavalla.'
	],
	other_tools: ['Puhelimen käännössovellus', 'Paperinen pikaopas automaateille', 'Opastekartta']
};
