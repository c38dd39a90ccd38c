import type { Channel, CollectorMode } from '#lib/core/collection/collectors.ts';
import { helsinkiToInstant } from '#lib/core/helsinki-time.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { demoRandom, demoSubmissionId, type DemoRandom } from './demo-random.ts';
import { contactSentence, pulseComments, themeSentence, themeWeights, type DemoTheme } from './demo-texts.ts';

/**
 * Synthetic responses for the demo studies, from seeded streams (demo-random.ts): the same inputs
 * give the same responses, and each library × round has a stream of its own, so changing one
 * library's volume leaves the others as they were. Submissions are raw form data, exactly what a
 * respondent's browser posts, so they pass through `checkSubmission` like any other (the loader
 * refuses one that does not).
 *
 * What the data is made to show (tests check each):
 * - the later customer round improves proactive service and expertise (a round change);
 * - 15–29-year-olds rate friendliness and expertise lower than those over 45 (a segment gap);
 * - open text in Finnish, with some Swedish and English, on recurring themes, a few with contacts;
 * - web, QR, kiosk, paper and link channels; the pulse over weeks and hours of the day (the staff
 *   survey is in demo-staff-responses.ts);
 * - one small library (`smallLibrary`) whose every age band stays under the minimum group size of
 *   5 while its total is above it.
 */

export const demoSeed = 'aspa-demo-2026';

/** One seeded stream per study × round (× library): each gives its responses and their submission ids. */
const customerStream = (roundKey: string, library: string) => `${demoSeed}:customer:${roundKey}:${library}`;
const pulseStream = (roundKey: string) => `${demoSeed}:pulse:${roundKey}`;

/** The library whose segment groups are all below the minimum group size (5) in each round. */
export const smallLibrary = 'ikaalinen-main';

export interface DemoSubmission {
	submissionId: string;
	collector: { mode: CollectorMode; slug: string };
	roundKey: string;
	language: 'fi' | 'sv' | 'en';
	submittedAt: Date;
	values: RawFormData;
}

/** A period of answering in local (Helsinki) dates, both ends included. */
export interface DemoWindow {
	from: string;
	to: string;
}

interface Via {
	mode: CollectorMode;
	slug: string;
	channel: Channel;
	weight: number;
}

interface LibraryVolume {
	library: string;
	/** Responses in the earlier and the later round. */
	responses: readonly [number, number];
	via: readonly Via[];
	/** Shares answering in Swedish and in English (English doubles among 15–29). */
	sv?: number;
	en?: number;
	/** The library's own offset on every statement (a slightly better or worse library). */
	effect?: number;
}

const qr = (slug: string): Via => ({ mode: 'survey', slug, channel: 'qr', weight: 1 });

/**
 * Customer-survey volumes: about 1,150 responses in the earlier round and 1,300 in the later one
 * over 18 libraries of PiKe and Kyyti: enough for segment gaps and round changes to be
 * significant in the larger libraries, few enough that a fresh `npm start` stays quick (storing
 * them and building their cube costs about 2 s of CPU on PGlite; the cost grows linearly). Collectors are the demo's (demo-collection.ts).
 */
export const customerVolumes: readonly LibraryVolume[] = [
	{
		library: 'tampere-metso',
		responses: [205, 230],
		en: 0.06,
		via: [
			{ mode: 'survey', slug: 'demo', channel: 'web', weight: 0.35 },
			{ mode: 'kiosk', slug: 'demo', channel: 'kiosk', weight: 0.3 },
			{ mode: 'survey', slug: 'demo-paper', channel: 'paper', weight: 0.1 },
			{ ...qr('tampere-metso'), weight: 0.25 }
		]
	},
	{ library: 'tampere-hervanta', responses: [70, 75], en: 0.12, effect: -0.15, via: [qr('tampere-hervanta')] },
	{ library: 'tampere-kaleva', responses: [25, 30], via: [qr('tampere-kaleva')] },
	{ library: 'tampere-tesoma', responses: [25, 25], effect: -0.1, via: [qr('tampere-tesoma')] },
	{ library: 'pirkkala-main', responses: [60, 70], effect: 0.1, via: [{ ...qr('pirkkala'), weight: 0.8 }, { mode: 'survey', slug: 'pirkkala-paper', channel: 'paper', weight: 0.2 }] },
	{ library: 'nokia-main', responses: [55, 60], via: [qr('nokia')] },
	{ library: smallLibrary, responses: [9, 9], via: [qr('ikaalinen')] },
	{
		library: 'jyvaskyla-main',
		responses: [160, 185],
		en: 0.12,
		via: [
			{ ...qr('jyvaskyla'), weight: 0.45 },
			{ mode: 'survey', slug: 'demo-chat', channel: 'link', weight: 0.2 },
			{ mode: 'kiosk', slug: 'jyvaskyla', channel: 'kiosk', weight: 0.35 }
		]
	},
	{ library: 'jyvaskyla-vaajakoski', responses: [50, 55], via: [qr('vaajakoski')] },
	{ library: 'keuruu-main', responses: [20, 25], effect: 0.15, via: [qr('keuruu')] },
	{ library: 'muurame-main', responses: [20, 20], via: [qr('muurame')] },
	{
		library: 'kouvola-main',
		responses: [150, 170],
		sv: 0.03,
		via: [{ ...qr('kouvola'), weight: 0.5 }, { mode: 'kiosk', slug: 'kouvola', channel: 'kiosk', weight: 0.35 }, { mode: 'survey', slug: 'kouvola-paper', channel: 'paper', weight: 0.15 }]
	},
	{ library: 'kouvola-kuusankoski', responses: [45, 50], via: [qr('kuusankoski')] },
	{ library: 'kotka-main', responses: [115, 135], sv: 0.06, effect: -0.1, via: [{ ...qr('kotka'), weight: 0.6 }, { mode: 'survey', slug: 'kotka-web', channel: 'web', weight: 0.4 }] },
	{ library: 'kotka-karhula', responses: [40, 45], via: [qr('karhula')] },
	{ library: 'hamina-main', responses: [45, 50], sv: 0.12, via: [qr('hamina')] },
	{ library: 'pyhtaa-main', responses: [25, 30], sv: 0.35, via: [qr('pyhtaa')] },
	{ library: 'iitti-main', responses: [20, 25], effect: 0.1, via: [qr('iitti')] }
];

/** Every collector the generated responses come through (the demo creates them). */
export function demoResponseCollectors(): { mode: CollectorMode; slug: string; channel: Channel; library: string }[] {
	return customerVolumes.flatMap((volume) => volume.via.map((via) => ({ mode: via.mode, slug: via.slug, channel: via.channel, library: volume.library })));
}

const statements = ['friendliness', 'courtesy', 'positivity', 'approachability', 'expertise', 'proactivity', 'digital_services', 'future_use'] as const;
type Statement = (typeof statements)[number];

/** Mean of the latent score per statement on the 1–5 scale, before effects. */
const baseScore: Record<Statement, number> = {
	friendliness: 4.35,
	courtesy: 4.35,
	positivity: 4.15,
	approachability: 4.1,
	expertise: 3.85,
	proactivity: 3.05,
	digital_services: 3.7,
	future_use: 3.35
};
/** What the later round changes: proactive service and expertise improve. */
const laterRoundEffect: Partial<Record<Statement, number>> = { proactivity: 0.55, expertise: 0.4, digital_services: 0.25, approachability: 0.15 };
const ageEffect: Record<string, Partial<Record<Statement, number>>> = {
	'under-15': { positivity: 0.2 },
	'15-29': { friendliness: -0.6, expertise: -0.55, courtesy: -0.3, approachability: -0.35, positivity: -0.2, digital_services: 0.1, future_use: 0.3 },
	'30-44': {},
	'45-64': { friendliness: 0.1, expertise: 0.1 },
	'65-plus': { friendliness: 0.2, courtesy: 0.2, digital_services: -0.3, future_use: -0.4 }
};
const naChance: Record<Statement, number> = {
	friendliness: 0.01,
	courtesy: 0.01,
	positivity: 0.02,
	approachability: 0.02,
	expertise: 0.06,
	proactivity: 0.08,
	digital_services: 0.05,
	future_use: 0.07
};

const ageBands = ['under-15', '15-29', '30-44', '45-64', '65-plus'] as const;
type AgeBand = (typeof ageBands)[number];
const ageByChannel: Record<Channel, Record<AgeBand, number>> = {
	web: { 'under-15': 1, '15-29': 26, '30-44': 26, '45-64': 30, '65-plus': 17 },
	qr: { 'under-15': 3, '15-29': 27, '30-44': 24, '45-64': 27, '65-plus': 19 },
	link: { 'under-15': 1, '15-29': 30, '30-44': 30, '45-64': 26, '65-plus': 13 },
	kiosk: { 'under-15': 6, '15-29': 18, '30-44': 22, '45-64': 28, '65-plus': 26 },
	paper: { 'under-15': 2, '15-29': 6, '30-44': 12, '45-64': 30, '65-plus': 50 },
	phone: { 'under-15': 0, '15-29': 5, '30-44': 15, '45-64': 35, '65-plus': 45 }
};
const educationByAge: Record<AgeBand, Record<string, number>> = {
	'under-15': { none_yet: 1 },
	'15-29': { none_yet: 10, basic: 10, upper_secondary: 50, higher: 30 },
	'30-44': { basic: 8, upper_secondary: 37, higher: 55 },
	'45-64': { basic: 15, upper_secondary: 40, higher: 45 },
	'65-plus': { basic: 35, upper_secondary: 35, higher: 30 }
};
const situationByAge: Record<AgeBand, Record<string, number>> = {
	'under-15': { pupil: 1 },
	'15-29': { student: 50, working: 35, job_seeker: 8, family: 7 },
	'30-44': { working: 55, family: 35, job_seeker: 7, other_situation: 3 },
	'45-64': { working: 75, job_seeker: 10, family: 8, other_situation: 7 },
	'65-plus': { senior: 95, other_situation: 5 }
};
/** The small library's respondents, in turn (with the age bands 15–29, 30–44, 45–64, 65+). */
const spreadEducation = ['upper_secondary', 'higher', 'basic', 'higher'];
const spreadSituation = ['student', 'family', 'working', 'senior'];
const channelUse: Record<string, [number, number, number]> = {
	// share among 15–29, 30–64, 65+
	library_visit: [0.9, 0.93, 0.95],
	mobile_library: [0.03, 0.06, 0.1],
	web_library: [0.55, 0.48, 0.3],
	e_materials: [0.42, 0.3, 0.15],
	chat: [0.1, 0.06, 0.02],
	email: [0.08, 0.14, 0.12],
	phone: [0.03, 0.07, 0.15],
	social_media: [0.28, 0.1, 0.03]
};
const digitalChannels = ['web_library', 'e_materials', 'chat', 'email', 'social_media'];

/**
 * The customer survey's responses for the given rounds: `rounds[0]` is the earlier round (its
 * responses show the service before the change), `rounds[1]` the later one. `libraryCodes` are the
 * study's libraries (the options of "your main library").
 */
export function generateCustomerResponses(rounds: readonly { key: string; window: DemoWindow }[], libraryCodes: readonly string[]): DemoSubmission[] {
	const out: DemoSubmission[] = [];
	rounds.slice(0, 2).forEach((round, wave) => {
		for (const volume of customerVolumes) {
			const stream = customerStream(round.key, volume.library);
			const random = demoRandom(stream);
			const via = Object.fromEntries(volume.via.map((entry, index) => [String(index), entry.weight]));
			for (let index = 0; index < volume.responses[wave]!; index += 1) {
				const collector = volume.via[Number(random.weighted(via))]!;
				// The small library spreads its respondents over four bands (and as many educations and
				// life situations), so no group reaches five.
				const spread = volume.library === smallLibrary ? index % 4 : undefined;
				const age = spread === undefined ? random.weighted(ageByChannel[collector.channel]) : ageBands[1 + spread]!;
				const language = chooseLanguage(random, volume, age);
				out.push({
					submissionId: demoSubmissionId(stream, index),
					collector: { mode: collector.mode, slug: collector.slug },
					roundKey: round.key,
					language,
					submittedAt: randomMoment(random, round.window),
					values: customerAnswers(random, { age, spread, language, wave, effect: volume.effect ?? 0, library: volume.library, libraryCodes })
				});
			}
		}
	});
	return out;
}

/** The submission ids `generateCustomerResponses` gives for these round keys, without generating answers. */
export function customerSubmissionIds(roundKeys: readonly string[]): string[] {
	return roundKeys.slice(0, 2).flatMap((key, wave) => customerVolumes.flatMap((volume) => streamIds(customerStream(key, volume.library), volume.responses[wave]!)));
}

/** The submission ids of `generatePulseResponses` (`count` taps). */
export function pulseSubmissionIds(roundKey: string, count: number): string[] {
	return streamIds(pulseStream(roundKey), count);
}

/** The ids of a stream's first `count` responses. */
export function streamIds(stream: string, count: number): string[] {
	return Array.from({ length: count }, (_, index) => demoSubmissionId(stream, index));
}

function chooseLanguage(random: DemoRandom, volume: LibraryVolume, age: AgeBand): 'fi' | 'sv' | 'en' {
	const sv = volume.sv ?? 0.02;
	const en = (volume.en ?? 0.02) * (age === '15-29' ? 2 : 1);
	const draw = random.next();
	return draw < sv ? 'sv' : draw < sv + en ? 'en' : 'fi';
}

function customerAnswers(
	random: DemoRandom,
	who: { age: AgeBand; spread: number | undefined; language: 'fi' | 'sv' | 'en'; wave: number; effect: number; library: string; libraryCodes: readonly string[] }
): RawFormData {
	const values: Record<string, string | string[]> = {};
	const ageGroup = who.age === '15-29' || who.age === 'under-15' ? 0 : who.age === '65-plus' ? 2 : 1;
	const used = Object.keys(channelUse).filter((code) => random.chance(channelUse[code]![ageGroup]!));
	if (used.length === 0) used.push('library_visit');
	values['q.channels'] = used;
	if (random.chance(0.015)) values['q.channels.other'] = random.pick(['Kirjaston kotipalvelu', 'Lukupiiri', 'Kirjaston tapahtumat']);

	const person = random.normal() * 0.55;
	const scores: Partial<Record<Statement, number>> = {};
	for (const statement of statements) {
		if (statement === 'digital_services' && !used.some((code) => digitalChannels.includes(code))) continue;
		if (random.chance(0.015)) continue;
		if (random.chance(naChance[statement])) {
			values[`q.${statement}`] = 'na';
			continue;
		}
		const latent =
			baseScore[statement] +
			(who.wave === 1 ? (laterRoundEffect[statement] ?? 0) : 0) +
			(ageEffect[who.age]![statement] ?? 0) +
			who.effect +
			person +
			random.normal() * 0.75;
		const score = Math.min(5, Math.max(1, Math.round(latent)));
		scores[statement] = score;
		values[`q.${statement}`] = String(score);
	}

	if (random.chance(who.language === 'fi' ? 0.3 : 0.35)) values['q.develop'] = openText(random, who.age, who.language, (scores.friendliness ?? 4) >= 4, who.wave === 1);

	if (!random.chance(0.03)) values['q.age_band'] = who.age;
	const education = random.weighted(educationByAge[who.age]);
	const situation = random.weighted(situationByAge[who.age]);
	if (!random.chance(0.05)) values['q.education'] = who.spread === undefined ? education : spreadEducation[who.spread]!;
	if (!random.chance(0.04)) values['q.life_situation'] = who.spread === undefined ? situation : spreadSituation[who.spread]!;
	const home = random.next();
	if (home < 0.8 && who.libraryCodes.includes(who.library)) values['q.home_library'] = who.library;
	else if (home < 0.88 && who.libraryCodes.length > 0) values['q.home_library'] = random.pick(who.libraryCodes);
	return values;
}

function openText(random: DemoRandom, age: AgeBand, language: 'fi' | 'sv' | 'en', praise: boolean, laterRound: boolean): string {
	const weights = themeWeights[age] ?? themeWeights.other!;
	const theme = random.weighted(weights);
	const pick = <T>(items: readonly T[]): T => random.pick(items);
	const sentences = [themeSentence({ language, theme, praise, laterRound }, pick)];
	if (random.chance(0.15)) {
		const second: DemoTheme = random.weighted(weights);
		if (second !== theme) sentences.push(themeSentence({ language, theme: second, praise, laterRound }, pick));
	}
	if (random.chance(0.015)) sentences.push(contactSentence(language, pick));
	return sentences.join(' ');
}

/** Weekday weights (0 = Sunday): libraries are busiest on weekdays, many are closed on Sundays. */
const dayWeight = [0.25, 1, 1, 1, 1, 0.95, 0.6];
const weekdayHours: Record<string, number> = { '9': 0.5, '10': 1, '11': 1.2, '12': 1.3, '13': 1.3, '14': 1.4, '15': 1.5, '16': 1.5, '17': 1.3, '18': 1, '19': 0.6 };
const weekendHours: Record<string, number> = { '10': 0.8, '11': 1, '12': 1.2, '13': 1.2, '14': 1, '15': 0.6 };

/** A moment in the window: a day by weekday weight, an hour by how busy a library is then (Helsinki time). */
export function randomMoment(random: DemoRandom, window: DemoWindow, hours?: { weekday: Record<string, number>; weekend: Record<string, number> }): Date {
	const first = Date.parse(`${window.from}T12:00:00Z`);
	const days = Math.max(0, Math.round((Date.parse(`${window.to}T12:00:00Z`) - first) / 86_400_000));
	let day = new Date(first);
	for (let attempt = 0; attempt < 50; attempt += 1) {
		day = new Date(first + random.int(0, days) * 86_400_000);
		if (random.chance(dayWeight[day.getUTCDay()]!)) break;
	}
	const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
	const hour = random.weighted(weekend ? (hours?.weekend ?? weekendHours) : (hours?.weekday ?? weekdayHours));
	const minute = random.int(0, 59);
	const text = `${day.toISOString().slice(0, 10)}T${hour.padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
	return helsinkiToInstant(text)!;
}

const helsinkiHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: 'numeric', hourCycle: 'h23' });

/** Pulse hours: a lunch-time peak and a busy late afternoon. */
const pulseHours = {
	weekday: { '10': 0.8, '11': 1.2, '12': 1.5, '13': 1.3, '14': 1, '15': 1.3, '16': 1.6, '17': 1.4, '18': 0.9, '19': 0.4 },
	weekend: { '10': 0.7, '11': 1, '12': 1.2, '13': 1.1, '14': 0.8, '15': 0.4 }
};

/**
 * One-tap pulse answers at the Kouvola main library's desk tablet (`/p/demo`): `count` taps over
 * the window, satisfaction slowly improving over it and dipping in the busy late afternoon.
 */
export function generatePulseResponses(round: { key: string; window: DemoWindow }, count: number): DemoSubmission[] {
	const stream = pulseStream(round.key);
	const random = demoRandom(stream);
	const start = Date.parse(`${round.window.from}T00:00:00Z`);
	const span = Math.max(1, Date.parse(`${round.window.to}T23:59:59Z`) - start);
	const out: DemoSubmission[] = [];
	for (let index = 0; index < count; index += 1) {
		const submittedAt = randomMoment(random, round.window, pulseHours);
		const progress = Math.min(1, Math.max(0, (submittedAt.getTime() - start) / span));
		const hour = Number(helsinkiHour.format(submittedAt));
		const busy = hour >= 15 && hour <= 17;
		const score = Math.min(4, Math.max(1, Math.round(3.2 + 0.35 * progress - (busy ? 0.3 : 0) + random.normal() * 0.75)));
		const language = random.weighted({ fi: 90, sv: 6, en: 4 });
		const values: Record<string, string> = { 'q.satisfaction': String(score) };
		if (random.chance(0.75)) values['q.topic'] = random.weighted({ service: 45, premises: 15, collections: 15, e_services: 8, events: 10, other: 7 });
		if (random.chance(0.12)) values['q.comment'] = random.pick(score >= 3 ? pulseComments[language].happy : pulseComments[language].unhappy);
		out.push({ submissionId: demoSubmissionId(stream, index), collector: { mode: 'pulse', slug: 'demo' }, roundKey: round.key, language, submittedAt, values });
	}
	return out;
}
