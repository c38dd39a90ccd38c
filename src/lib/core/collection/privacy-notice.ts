import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from '../instrument/localized-text.ts';

/**
 * The privacy notice every respondent page links to (controller, purpose, retention, contact), in
 * fi/sv/en. Each organisation may have its own; a page uses the nearest one: library, then its
 * municipality, then its networks, then the installation's global notice, and finally this
 * built-in default, so a new installation shows a truthful notice before anyone writes one.
 */
export interface PrivacyNoticeTexts {
	controller: LocalizedText;
	purpose: LocalizedText;
	retention: LocalizedText;
	contact: LocalizedText;
}

const finnishRequired = localizedTextSchema.refine((text) => (text.fi ?? '').trim() !== '', { message: 'required' });

export const privacyNoticeInputSchema = z.strictObject({
	controller: finnishRequired,
	purpose: finnishRequired,
	retention: finnishRequired,
	contact: finnishRequired
});

export const defaultPrivacyNotice: PrivacyNoticeTexts = {
	controller: {
		fi: 'Kyselyn tekevä kirjasto tai kirjastoverkosto.',
		sv: 'Biblioteket eller biblioteksnätverket som gör enkäten.',
		en: 'The library or library network that runs this survey.'
	},
	purpose: {
		fi: 'Vastauksia käytetään kirjaston asiakaspalvelun arviointiin ja kehittämiseen. Vastaat nimettömänä: emme tallenna nimeäsi, sähköpostiosoitettasi emmekä IP-osoitettasi. Tulokset julkaistaan vain ryhminä, joissa on vähintään viisi vastaajaa.',
		sv: 'Svaren används för att bedöma och utveckla bibliotekets kundtjänst. Du svarar anonymt: vi sparar inte ditt namn, din e-postadress eller din IP-adress. Resultaten publiceras bara för grupper med minst fem svarande.',
		en: "Answers are used to assess and improve the library's customer service. You answer anonymously: we do not store your name, e-mail address or IP address. Results are published only for groups of at least five respondents."
	},
	retention: {
		fi: 'Vastauksia säilytetään niin kauan kuin niitä tarvitaan kierrosten vertailuun, enintään kymmenen vuotta.',
		sv: 'Svaren sparas så länge de behövs för att jämföra omgångar, högst tio år.',
		en: 'Answers are kept as long as they are needed to compare rounds, at most ten years.'
	},
	contact: {
		fi: 'Kysy lisää oman kirjastosi asiakaspalvelusta.',
		sv: 'Fråga mer i ditt biblioteks kundtjänst.',
		en: "Ask your library's customer service for more."
	}
};
