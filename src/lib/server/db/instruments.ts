import type { Db } from './client.ts';
import type { InstrumentKind, LocalizedJson } from './schema.ts';

/**
 * Instruments and their versions. A version is a draft (at most one per instrument, editable) or
 * published (immutable: nothing here updates a published row's definition). Definitions travel
 * as parsed JSON; services read them through `validateInstrument`.
 */

export interface InstrumentRow {
	id: number;
	key: string;
	name: LocalizedJson;
	kind: InstrumentKind;
	templateKey: string | null;
	isDemo: boolean;
	createdBy: number | null;
	createdAt: Date;
	updatedAt: Date;
	archivedAt: Date | null;
}

export interface VersionSummary {
	id: number;
	instrumentId: number;
	version: number;
	status: 'draft' | 'published';
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
	publishedBy: number | null;
}

export interface VersionRow extends VersionSummary {
	definition: Record<string, unknown>;
}

const summaryColumns = ['id', 'instrumentId', 'version', 'status', 'createdAt', 'updatedAt', 'publishedAt', 'publishedBy'] as const;

export async function insertInstrument(
	db: Db,
	row: { key: string; name: LocalizedJson; kind: InstrumentKind; templateKey: string | null; isDemo?: boolean; createdBy: number | null; now: Date }
): Promise<InstrumentRow> {
	return db
		.insertInto('instrument')
		.values({
			key: row.key,
			name: JSON.stringify(row.name),
			kind: row.kind,
			templateKey: row.templateKey,
			isDemo: row.isDemo ?? false,
			createdBy: row.createdBy,
			createdAt: row.now,
			updatedAt: row.now
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function findInstrument(db: Db, id: number): Promise<InstrumentRow | undefined> {
	return db.selectFrom('instrument').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInstrumentByKey(db: Db, key: string): Promise<InstrumentRow | undefined> {
	return db.selectFrom('instrument').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listInstruments(db: Db, options: { includeArchived?: boolean } = {}): Promise<InstrumentRow[]> {
	let query = db.selectFrom('instrument').selectAll().orderBy('key');
	if (!options.includeArchived) query = query.where('archivedAt', 'is', null);
	return query.execute();
}

export async function updateInstrument(
	db: Db,
	id: number,
	changes: { name?: LocalizedJson; archivedAt?: Date | null; now: Date }
): Promise<InstrumentRow> {
	return db
		.updateTable('instrument')
		.set({
			updatedAt: changes.now,
			...(changes.name === undefined ? {} : { name: JSON.stringify(changes.name) }),
			...(changes.archivedAt === undefined ? {} : { archivedAt: changes.archivedAt })
		})
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Versions of the given instruments without their definitions, newest first per instrument. */
export async function listVersionSummaries(db: Db, instrumentIds: readonly number[]): Promise<VersionSummary[]> {
	if (instrumentIds.length === 0) return [];
	return db
		.selectFrom('instrumentVersion')
		.select(summaryColumns)
		.where('instrumentId', 'in', instrumentIds)
		.orderBy('instrumentId')
		.orderBy('version', 'desc')
		.execute();
}

export async function findVersion(db: Db, id: number): Promise<VersionRow | undefined> {
	return db.selectFrom('instrumentVersion').select([...summaryColumns, 'definition']).where('id', '=', id).executeTakeFirst();
}

export async function findDraftVersion(db: Db, instrumentId: number): Promise<VersionRow | undefined> {
	return db
		.selectFrom('instrumentVersion')
		.select([...summaryColumns, 'definition'])
		.where('instrumentId', '=', instrumentId)
		.where('status', '=', 'draft')
		.executeTakeFirst();
}

export async function findLatestPublishedVersion(db: Db, instrumentId: number): Promise<VersionRow | undefined> {
	return db
		.selectFrom('instrumentVersion')
		.select([...summaryColumns, 'definition'])
		.where('instrumentId', '=', instrumentId)
		.where('status', '=', 'published')
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export async function findLatestPublishedVersionId(db: Db, instrumentId: number): Promise<number | undefined> {
	const row = await db
		.selectFrom('instrumentVersion')
		.select('id')
		.where('instrumentId', '=', instrumentId)
		.where('status', '=', 'published')
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.id;
}

/** Definitions of every published version of an instrument, oldest first (for id-compatibility checks). */
export async function listPublishedDefinitions(db: Db, instrumentId: number): Promise<VersionRow[]> {
	return db
		.selectFrom('instrumentVersion')
		.select([...summaryColumns, 'definition'])
		.where('instrumentId', '=', instrumentId)
		.where('status', '=', 'published')
		.orderBy('version')
		.execute();
}

export async function insertDraftVersion(
	db: Db,
	row: { instrumentId: number; definition: unknown; createdBy: number | null; now: Date }
): Promise<VersionRow> {
	const { next } = await db
		.selectFrom('instrumentVersion')
		.select((eb) => eb.fn.coalesce(eb.fn.max('version'), eb.lit(0)).as('next'))
		.where('instrumentId', '=', row.instrumentId)
		.executeTakeFirstOrThrow();
	return db
		.insertInto('instrumentVersion')
		.values({
			instrumentId: row.instrumentId,
			version: Number(next) + 1,
			status: 'draft',
			definition: JSON.stringify(row.definition),
			createdBy: row.createdBy,
			createdAt: row.now,
			updatedAt: row.now
		})
		.returning([...summaryColumns, 'definition'])
		.executeTakeFirstOrThrow();
}

/** Replaces a draft's definition; returns undefined when the version is not (or no longer) a draft. */
export async function updateDraftDefinition(db: Db, versionId: number, definition: unknown, now: Date): Promise<VersionRow | undefined> {
	return db
		.updateTable('instrumentVersion')
		.set({ definition: JSON.stringify(definition), updatedAt: now })
		.where('id', '=', versionId)
		.where('status', '=', 'draft')
		.returning([...summaryColumns, 'definition'])
		.executeTakeFirst();
}

/**
 * Publishes a draft, storing the definition as validated (upgraded to the current schema).
 * Undefined when the version is not a draft (published already, by a concurrent request).
 */
export async function publishDraftVersion(
	db: Db,
	versionId: number,
	definition: unknown,
	publishedBy: number | null,
	now: Date
): Promise<VersionRow | undefined> {
	return db
		.updateTable('instrumentVersion')
		.set({ status: 'published', definition: JSON.stringify(definition), publishedBy, publishedAt: now, updatedAt: now })
		.where('id', '=', versionId)
		.where('status', '=', 'draft')
		.returning([...summaryColumns, 'definition'])
		.executeTakeFirst();
}
