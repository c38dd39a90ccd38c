import type { LocalizedText } from './localized-text.ts';

/**
 * Wording the renderer shows when an item does not give its own: N/A, checklist answers, the
 * "other" choice and the four smileys (from 1, very unhappy, to 4, very happy).
 */
export const defaultLabels = {
	na: { fi: 'En osaa sanoa', sv: 'Kan inte säga', en: "Don't know" },
	yes: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
	no: { fi: 'Ei', sv: 'Nej', en: 'No' },
	notApplicable: { fi: 'Ei koske', sv: 'Gäller inte', en: 'Not applicable' },
	other: { fi: 'Muu, mikä?', sv: 'Annat, vad?', en: 'Other, what?' },
	happyIndex: [
		{ fi: 'Erittäin tyytymätön', sv: 'Mycket missnöjd', en: 'Very unhappy' },
		{ fi: 'Tyytymätön', sv: 'Missnöjd', en: 'Unhappy' },
		{ fi: 'Tyytyväinen', sv: 'Nöjd', en: 'Happy' },
		{ fi: 'Erittäin tyytyväinen', sv: 'Mycket nöjd', en: 'Very happy' }
	]
} as const satisfies Record<string, LocalizedText | readonly LocalizedText[]>;
