import { codeAlphabet, codeFromIndexes, codeLength } from '#lib/core/collection/codes.ts';
import { demoRandom, demoSubmissionId } from './demo-random.ts';
import { demoSeed, randomMoment, streamIds, type DemoSubmission, type DemoWindow } from './demo-responses.ts';
import { staffTexts } from './demo-texts.ts';

/**
 * The staff survey's synthetic answers (demo-responses.ts has the customer survey and the pulse):
 * a population of one-time tokens, some used, so the study has a response rate; matrices after
 * the published 2018 results' shape; open answers in Finnish (the study is confidential: reports
 * show their themes' counts, never quotes); links per workplace, so its reports split by library.
 */

const staffStream = (roundKey: string) => `${demoSeed}:staff:${roundKey}`;

/** The submission ids of `generateStaffResponses` (its `used` answers). */
export function staffSubmissionIds(roundKey: string, used: number): string[] {
	return streamIds(staffStream(roundKey), used);
}

/** A one-tap token of the generated staff population: its code (plaintext, never stored) and whether it was used. */
export interface DemoToken {
	code: string;
	usedBy?: string;
}

const toolLevels: Record<string, Record<string, number>> = {
	library_system: { '1': 95, '2': 5 },
	computer: { '1': 97, '2': 3 },
	email: { '1': 85, '2': 15 },
	web_library: { '1': 70, '2': 28, '3': 2 },
	booking_software: { '1': 20, '2': 50, '3': 30 },
	databases: { '1': 25, '2': 60, '3': 15 },
	smartphone: { '1': 45, '2': 35, '3': 20 },
	printed_sources: { '1': 30, '2': 60, '3': 10 },
	social_media: { '1': 15, '2': 45, '3': 40 },
	tablet: { '1': 10, '2': 35, '3': 55 }
};
const identificationMeans: Record<string, number> = { shoulder_bag: 2.1, work_outfit: 3.2, work_accessory: 3, lanyard: 3.6, name_badge: 4.4 };
const activeServiceMeans: Record<string, number> = {
	walk_about: 2.6,
	recommend: 3.4,
	tidy_service_points: 3.9,
	cheerful: 4,
	shared_practices: 3.1,
	approachable_staff: 4.1,
	equal_treatment: 4.4,
	follow_through: 3.9
};
const workplaceWeights: Record<string, number> = {
	'tampere-metso': 14,
	'tampere-hervanta': 5,
	'tampere-kaleva': 2,
	'pirkkala-main': 4,
	'nokia-main': 4,
	'jyvaskyla-main': 12,
	'jyvaskyla-vaajakoski': 4,
	'keuruu-main': 2,
	'muurame-main': 2
};

/**
 * The staff survey's links per workplace (`/s/staff-<library>`), so its reports split by library;
 * a respondent without a workplace answers through the study-wide `/s/demo-staff`.
 */
export function demoStaffCollectors(): { slug: string; library: string }[] {
	return Object.keys(workplaceWeights).map((library) => ({ slug: `staff-${library}`, library }));
}

/**
 * The staff survey (one-time tokens, confidential): `issued` tokens of which the first `used`
 * answered, so the study shows a response rate. Tokens are returned with the responses that used them.
 */
export function generateStaffResponses(round: { key: string; window: DemoWindow }, issued: number, used: number): { submissions: DemoSubmission[]; tokens: DemoToken[] } {
	const stream = staffStream(round.key);
	const random = demoRandom(stream);
	const tokens: DemoToken[] = Array.from({ length: issued }, () => ({ code: codeFromIndexes(Array.from({ length: codeLength }, () => random.int(0, codeAlphabet.length - 1))) }));
	const submissions: DemoSubmission[] = [];
	for (let index = 0; index < Math.min(used, issued); index += 1) {
		const language = random.weighted({ fi: 94, sv: 3, en: 3 });
		const values: Record<string, string> = {};
		for (const [row, levels] of Object.entries(toolLevels)) values[`q.tools.${row}`] = random.weighted(levels);
		const person = random.normal() * 0.4;
		for (const [row, mean] of Object.entries(identificationMeans)) values[`q.identification.${row}`] = String(fivePoint(mean + person + random.normal() * 0.8));
		for (const [row, mean] of Object.entries(activeServiceMeans)) values[`q.active_service.${row}`] = String(fivePoint(mean + person + random.normal() * 0.7));
		if (language === 'fi') {
			const texts: [keyof typeof staffTexts, number][] = [
				['good_service', 0.55],
				['other_tools', 0.1],
				['success_story', 0.4],
				['could_do_better', 0.3],
				['future_active_service', 0.4]
			];
			for (const [item, chance] of texts) if (random.chance(chance)) values[`q.${item}`] = random.pick(staffTexts[item]);
		}
		if (!random.chance(0.05)) values['q.gender'] = random.weighted({ female: 80, male: 15, other_or_none: 5 });
		const workplace = random.weighted(workplaceWeights);
		const ownLink = !random.chance(0.1);
		if (ownLink) values['q.workplace'] = workplace;
		const submissionId = demoSubmissionId(stream, index);
		tokens[index]!.usedBy = submissionId;
		const collector = { mode: 'survey' as const, slug: ownLink ? `staff-${workplace}` : 'demo-staff' };
		submissions.push({ submissionId, collector, roundKey: round.key, language, submittedAt: randomMoment(random, round.window), values });
	}
	return { submissions, tokens };
}

function fivePoint(latent: number): number {
	return Math.min(5, Math.max(1, Math.round(latent)));
}
