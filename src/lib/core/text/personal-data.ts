import type { TextLanguage } from './normalise.ts';

/**
 * Finding and masking personal data in free text before anyone sees it (ADR 0019). Respondents
 * write their e-mail address or phone number into feedback ("soittakaa 040 123 4567"), sometimes
 * a library card number. Every quote Aspa displays goes through `maskPersonalData`, and the theme
 * analysis reads the text with these spans removed, so they never become key phrases either.
 *
 * What is masked:
 * - e-mail addresses, also the Finnish habit `etunimi.sukunimi(at)kirjasto.fi`;
 * - phone numbers that start with `+`, `00` or a trunk `0` (040 123 4567, +358 40 1234567,
 *   09-123 456, (09) 123 456, +46 8 123 456 78), 7–15 digits with spaces, hyphens, slashes or
 *   brackets between them, and any number after a cue word (puh., tel., phone, tfn);
 * - identifying numbers: a run of 8 or more digits (a library card or customer number), a number
 *   after a card cue word (kortti, kort, card), and a Finnish personal identity code (131052-308T).
 *
 * What is kept: years (2024), dates (12.3.2024, 2024-05-12, 01/02/2024), times and opening hours
 * (klo 9-20, 10.00–18.00, ma-pe 09-12 13-16), prices and counts of fewer than eight digits.
 * A phone number written without a leading 0 or + and without a cue word ("123 4567") is not
 * recognised: there is no telling it from other numbers.
 */
export type PersonalDataKind = 'email' | 'phone' | 'number';

export interface PersonalDataSpan {
	kind: PersonalDataKind;
	start: number;
	end: number;
}

/** What a masked span reads as, per language of the reader (screen readers read it too). */
export const maskWords: Record<TextLanguage, Record<PersonalDataKind, string>> = {
	fi: { email: '[sähköposti]', phone: '[puhelinnumero]', number: '[numero]' },
	sv: { email: '[e-post]', phone: '[telefonnummer]', number: '[nummer]' },
	en: { email: '[e-mail]', phone: '[phone number]', number: '[number]' }
};

const local = String.raw`[\p{L}\p{N}._%+\-]+`;
const at = String.raw`(?:@|\s?[([]at[)\]]\s?)`;
const domain = String.raw`[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`;
const emailPattern = new RegExp(`${local}${at}${domain}`, 'giu');

/** Digits with the separators people write inside a phone number (never a dot or colon: those are dates and times). */
const body = String.raw`[\d \u00a0\-–()/]`;
const notBefore = String.raw`(?<![\p{L}\p{N}+])`;
const notAfter = String.raw`(?![\p{L}\p{N}])`;
const phonePattern = new RegExp(`${notBefore}(?:(?:\\+|00)\\d${body}{5,}\\d|\\(?0\\d${body}{4,}\\d)${notAfter}`, 'gu');
const phoneCuePattern = new RegExp(
	String.raw`(?<![\p{L}])(?:puh(?:elin(?:numero)?)?|gsm|tel(?:efon|efonnummer)?|tfn|mob(?:iili|il|ile)?|phone)\.?:?[ \u00a0]*` +
		`(\\+?\\d${body}{4,}\\d)${notAfter}`,
	'giu'
);
const longNumberPattern = new RegExp(`(?<![\\p{L}\\p{N}])\\d{8,}${notAfter}`, 'gu');
const cardCuePattern = new RegExp(
	String.raw`(?<![\p{L}])(?:(?:kirjasto|lainaus)?kort\p{L}*|lånekort\p{L}*|card)[^\p{N}\n]{0,20}?` + `(\\d[\\d \\u00a0\\-]{4,}\\d)${notAfter}`,
	'giu'
);
const identityCodePattern = /(?<![\p{L}\p{N}])\d{6}[-+ABCDEFUVWXY]\d{3}[\dA-Y](?![\p{L}\p{N}])/giu;

/** A date written with hyphens or slashes (01-02-2024, 1/2/24) is not a phone number. */
const datePattern = /^\d{1,2}[-–/]\d{1,2}[-–/](?:\d{4}|\d{2})$/;
/** Opening hours: one or more ranges of hours (09-12 13-16). */
const hoursPattern = /^\d{1,2}[ \u00a0]?[-–][ \u00a0]?\d{1,2}(?:[ \u00a0]+\d{1,2}[ \u00a0]?[-–][ \u00a0]?\d{1,2})*$/;

function digitCount(text: string): number {
	return text.replace(/\D/g, '').length;
}

function isPhone(candidate: string): boolean {
	if (datePattern.test(candidate) || hoursPattern.test(candidate)) return false;
	const digits = digitCount(candidate);
	return digits >= 7 && digits <= 15;
}

/**
 * A phone-like run may swallow a number written after it ("040 123 4567 20112345678"): drop
 * space-separated groups from its end while it has too many digits for a phone number.
 */
function phoneWithin(candidate: string): string {
	let text = candidate;
	while (digitCount(text) > 15 && /[ \u00a0]/.test(text)) text = text.replace(/[ \u00a0]+[^ \u00a0]*$/, '');
	return text;
}

/** Every span of personal data in `text`, sorted, overlapping spans joined. */
export function findPersonalData(text: string): PersonalDataSpan[] {
	const spans: PersonalDataSpan[] = [];
	for (const match of text.matchAll(emailPattern)) spans.push({ kind: 'email', start: match.index, end: match.index + match[0].length });
	for (const match of text.matchAll(phonePattern)) {
		const phone = phoneWithin(match[0]);
		if (isPhone(phone)) spans.push({ kind: 'phone', start: match.index, end: match.index + phone.length });
	}
	for (const match of text.matchAll(phoneCuePattern)) {
		const number = match[1]!;
		if (digitCount(number) >= 5) {
			const start = match.index + match[0].length - number.length;
			spans.push({ kind: 'phone', start, end: start + number.length });
		}
	}
	for (const match of text.matchAll(cardCuePattern)) {
		const number = match[1]!;
		if (digitCount(number) >= 5) {
			const start = match.index + match[0].length - number.length;
			spans.push({ kind: 'number', start, end: start + number.length });
		}
	}
	for (const pattern of [longNumberPattern, identityCodePattern]) {
		for (const match of text.matchAll(pattern)) spans.push({ kind: 'number', start: match.index, end: match.index + match[0].length });
	}
	return joinOverlaps(spans);
}

/**
 * Sorted by start; overlapping spans are joined and named by the one that starts first (the longer
 * at the same start): "kortti 2 0113 4567 89" is a card number even though "0113 4567 89" looks
 * like a phone number.
 */
function joinOverlaps(spans: PersonalDataSpan[]): PersonalDataSpan[] {
	const order: Record<PersonalDataKind, number> = { email: 0, phone: 1, number: 2 };
	const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || order[a.kind] - order[b.kind]);
	const joined: PersonalDataSpan[] = [];
	for (const span of sorted) {
		const last = joined.at(-1);
		if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
		else joined.push({ ...span });
	}
	return joined;
}

function replaceSpans(text: string, replacement: (kind: PersonalDataKind) => string): string {
	let result = '';
	let at = 0;
	for (const span of findPersonalData(text)) {
		result += text.slice(at, span.start) + replacement(span.kind);
		at = span.end;
	}
	return result + text.slice(at);
}

/**
 * The text with e-mail addresses, phone numbers and identifying numbers replaced by a bracketed
 * word in the reader's language.
 *
 * @example maskPersonalData('Soittakaa 040 123 4567', 'fi') // 'Soittakaa [puhelinnumero]'
 */
export function maskPersonalData(text: string, language: TextLanguage = 'fi'): string {
	return replaceSpans(text, (kind) => maskWords[language][kind]);
}

/** The text with personal data blanked out, for analysis: a masked span must not become a key phrase. */
export function stripPersonalData(text: string): string {
	return replaceSpans(text, () => ' ');
}
