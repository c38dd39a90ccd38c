import type { Channel, CollectorMode } from '#lib/core/collection/collectors.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { createCollector } from '#lib/server/services/collection/create-collector.ts';
import { createInstrument } from '#lib/server/services/collection/create-instrument.ts';
import { createRound } from '#lib/server/services/collection/create-round.ts';
import { createStudy } from '#lib/server/services/collection/create-study.ts';
import { publishInstrument } from '#lib/server/services/collection/publish-instrument.ts';
import { saveInstrumentDraft } from '#lib/server/services/collection/save-instrument-draft.ts';
import { newOrgTree } from './account-builders.ts';
import type { TestEnv } from './db.ts';
import { newAdmin, uniqueSuffix } from './org-builders.ts';

/**
 * Builders for collection tests: a published instrument, a study over a fresh network with one
 * library, an open round and a collector, all made through the services. Every call makes fresh
 * keys, so tests never share a collector (the burst rule counts per collector).
 */

/** A small survey touching the storage paths: a required rating, segments, a library list, text, multiple choice. */
export function testSurvey(): Instrument {
	return newInstrument([
		newItem.rating('service', { required: true }),
		newItem.singleChoice('age', ['15-29', '30-44', '45-64'], { segment: 'age_band' }),
		{ ...newItem.singleChoice('home', []), options: undefined, optionsFrom: 'libraries', segment: 'home_library' },
		newItem.multipleChoice('channels', ['web', 'desk', 'chat'], { other: { label: { fi: 'Muu' } } }),
		newItem.matrix('staff', ['friendly', 'expert'], { allowNa: true }),
		newItem.longText('comment')
	]);
}

export interface CollectionFixture {
	admin: Actor;
	tree: Awaited<ReturnType<typeof newOrgTree>>;
	instrumentId: number;
	versionId: number;
	studyId: number;
	roundId: number;
	collectorId: number;
	slug: string;
	mode: CollectorMode;
}

export async function newCollectionFixture(
	env: TestEnv,
	options: {
		definition?: Instrument;
		confidential?: boolean;
		usesTokens?: boolean;
		onePerDevice?: boolean;
		channel?: Channel;
		mode?: CollectorMode;
		/** Round times relative to env.now(): default open from a day ago for 30 days. */
		opensInDays?: number;
		closesInDays?: number;
	} = {}
): Promise<CollectionFixture> {
	const admin = await newAdmin(env.db);
	const tree = await newOrgTree(env.db);
	const s = uniqueSuffix();
	const { instrument } = await createInstrument(env, admin, { key: `ins-${s}`, name: { fi: 'Testikysely' }, kind: 'survey' });
	await saveInstrumentDraft(env, admin, { instrumentId: instrument.id, definition: options.definition ?? testSurvey() });
	const published = await publishInstrument(env, admin, instrument.id);
	if (!published.ok) throw new Error(`test survey does not publish: ${published.issues.map((issue) => issue.message).join('; ')}`);
	const study = await createStudy(env, admin, {
		key: `study-${s}`,
		name: { fi: 'Testitutkimus' },
		instrumentId: instrument.id,
		scope: [{ type: 'network', id: tree.networkId }],
		confidential: options.confidential ?? false,
		usesTokens: options.usesTokens ?? false,
		onePerDevice: options.onePerDevice ?? false
	});
	const day = 24 * 60 * 60 * 1000;
	const now = env.now().getTime();
	const round = await createRound(env, admin, {
		studyId: study.id,
		key: 'r1',
		name: { fi: 'Kierros 1' },
		opensAt: new Date(now + (options.opensInDays ?? -1) * day),
		closesAt: new Date(now + (options.closesInDays ?? 30) * day)
	});
	const collector = await createCollector(env, admin, {
		studyId: study.id,
		libraryId: tree.libraryId,
		channel: options.channel ?? 'web',
		...(options.mode ? { mode: options.mode } : {})
	});
	return {
		admin,
		tree,
		instrumentId: instrument.id,
		versionId: published.version.id,
		studyId: study.id,
		roundId: round.id,
		collectorId: collector.id,
		slug: collector.slug,
		mode: collector.mode
	};
}

export { uniqueSuffix };
