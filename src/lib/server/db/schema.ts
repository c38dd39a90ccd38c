import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Hand-written table types, camelCase through Kysely's CamelCasePlugin. `schema.db.test.ts`
 * compares them with a freshly migrated database, so a migration that drifts from these types
 * fails the tests.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns travel as ISO text (`YYYY-MM-DD`); see the parsers in client.ts. */
type DateText = string;

import type { LibraryKind, Locale, NetworkKind, Role, ScopeType, SizeClass } from '#lib/core/org-types.ts';

export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface NetworkTable {
	id: Generated<number>;
	key: string;
	kind: NetworkKind;
	nameFi: string;
	nameSv: string | null;
	kirkantaId: number | null;
	isDemo: Generated<boolean>;
	archivedAt: Date | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
}

export interface MunicipalityTable {
	id: Generated<number>;
	key: string;
	nameFi: string;
	nameSv: string | null;
	kirkantaId: number | null;
	isDemo: Generated<boolean>;
	archivedAt: Date | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
}

export interface LibraryTable {
	id: Generated<number>;
	key: string;
	kind: LibraryKind;
	sizeClass: SizeClass | null;
	nameFi: string;
	nameSv: string | null;
	isil: string | null;
	kirkantaId: number | null;
	isDemo: Generated<boolean>;
	archivedAt: Date | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
}

export interface MobileStopTable {
	id: Generated<number>;
	libraryId: number;
	key: string;
	nameFi: string;
	nameSv: string | null;
	kirkantaId: number | null;
	archivedAt: Date | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
}

export interface LibraryMunicipalityTable {
	id: Generated<number>;
	libraryId: number;
	municipalityId: number;
	validFrom: DateText;
	validTo: DateText | null;
}

export interface NetworkLibraryTable {
	id: Generated<number>;
	networkId: number;
	libraryId: number;
	validFrom: DateText;
	validTo: DateText | null;
}

export interface AppUserTable {
	id: Generated<number>;
	email: string;
	displayName: string;
	passwordHash: string | null;
	locale: Generated<Locale>;
	status: Generated<UserStatus>;
	isDemo: Generated<boolean>;
	lastLoginAt: Date | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
}

export interface UserGrantTable {
	id: Generated<number>;
	userId: number;
	role: Role;
	scopeType: ScopeType;
	scopeId: number | null;
	createdAt: CreatedAt;
	createdBy: number | null;
}

export interface UserSessionTable {
	id: string;
	userId: number;
	createdAt: CreatedAt;
	lastSeenAt: Timestamp;
	expiresAt: Date;
}

export interface UserTokenTable {
	id: string;
	userId: number;
	purpose: 'invite' | 'reset';
	createdAt: CreatedAt;
	expiresAt: Date;
	usedAt: Date | null;
}

export interface LoginFailureTable {
	id: Generated<number>;
	keyHash: string;
	at: CreatedAt;
}

export interface AuditEventTable {
	id: Generated<number>;
	at: CreatedAt;
	actorUserId: number | null;
	action: string;
	targetType: string;
	targetId: string | null;
	details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export type MailStatus = 'pending' | 'sent' | 'failed' | 'outbox';

export interface MailOutboxTable {
	id: Generated<number>;
	createdAt: CreatedAt;
	toAddress: string;
	subject: string;
	bodyText: string;
	status: Generated<MailStatus>;
	attempts: Generated<number>;
	sentAt: Date | null;
	lastError: string | null;
}

/** A jsonb column: read back parsed, written as JSON text (`JSON.stringify`), so arrays are never
 * mistaken for PostgreSQL arrays by the driver. */
type Json<T> = ColumnType<T, string, string>;
/** `{ fi?, sv?, en? }`; see core/instrument/localized-text.ts. */
export type LocalizedJson = Partial<Record<Locale, string>>;
export type Channel = 'web' | 'qr' | 'kiosk' | 'link' | 'phone' | 'paper';
/** Which respondent page a collector opens: /s/ survey, /k/ kiosk, /p/ pulse (ADR 0011). */
export type CollectorMode = 'survey' | 'kiosk' | 'pulse';
export type InstrumentKind = 'survey' | 'staff_survey' | 'pulse' | 'feedback' | 'checklist' | 'exercise';

export interface PrivacyNoticeTable {
	id: Generated<number>;
	scopeType: ScopeType;
	scopeId: number | null;
	controller: Json<LocalizedJson>;
	purpose: Json<LocalizedJson>;
	retention: Json<LocalizedJson>;
	contact: Json<LocalizedJson>;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
}

export interface InstrumentTable {
	id: Generated<number>;
	key: string;
	name: Json<LocalizedJson>;
	kind: InstrumentKind;
	templateKey: string | null;
	isDemo: Generated<boolean>;
	createdBy: number | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
	archivedAt: Date | null;
}

export interface InstrumentVersionTable {
	id: Generated<number>;
	instrumentId: number;
	version: number;
	status: 'draft' | 'published';
	/** The instrument definition (core/instrument), validated when read back. */
	definition: Json<Record<string, unknown>>;
	createdBy: number | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
	publishedBy: number | null;
	publishedAt: Date | null;
}

export interface StudyTable {
	id: Generated<number>;
	key: string;
	name: Json<LocalizedJson>;
	instrumentId: number;
	confidential: Generated<boolean>;
	usesTokens: Generated<boolean>;
	onePerDevice: Generated<boolean>;
	isDemo: Generated<boolean>;
	createdBy: number | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
	archivedAt: Date | null;
	/** Report settings (migration 0004; read through `readReportSettings` in core/report/settings.ts). */
	reportSettings: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface StudyScopeTable {
	id: Generated<number>;
	studyId: number;
	scopeType: Exclude<ScopeType, 'global'>;
	scopeId: number;
}

export interface StudyRoundTable {
	id: Generated<number>;
	studyId: number;
	key: string;
	name: Json<LocalizedJson>;
	instrumentVersionId: number;
	opensAt: Date;
	closesAt: Date;
	createdAt: CreatedAt;
}

export interface CollectorTable {
	id: Generated<number>;
	studyId: number;
	libraryId: number | null;
	channel: Channel;
	mode: Generated<CollectorMode>;
	slug: string;
	frameOrigins: ColumnType<string[], string | undefined, string>;
	settings: ColumnType<Record<string, unknown>, string | undefined, string>;
	createdAt: CreatedAt;
	archivedAt: Date | null;
}

export interface ResponseTokenTable {
	id: string;
	studyId: number;
	roundId: number;
	batch: number;
	issuedAt: CreatedAt;
	usedAt: Date | null;
}

export interface ResponseTable {
	/** bigint: parsed to a number (client.ts); safe far beyond any library network's volume. */
	id: Generated<number>;
	submissionId: string;
	studyId: number;
	roundId: number;
	libraryId: number | null;
	collectorId: number | null;
	channel: Channel;
	language: Locale;
	instrumentVersionId: number;
	submittedAt: CreatedAt;
	ageBand: string | null;
	gender: string | null;
	education: string | null;
	lifeSituation: string | null;
	homeLibraryId: number | null;
	segments: ColumnType<Record<string, string>, string | undefined, string>;
	flag: 'burst' | null;
	answerDigest: string | null;
	enteredBy: number | null;
}

export interface AnswerTable {
	responseId: number;
	itemId: string;
	facet: Generated<string>;
	optionCode: string | null;
	numberValue: number | null;
	dateValue: DateText | null;
	isNa: Generated<boolean>;
}

export interface AnswerTextTable {
	responseId: number;
	itemId: string;
	facet: Generated<string>;
	text: string;
}

export interface PartialResponseTable {
	id: string;
	collectorId: number;
	roundId: number;
	language: Locale;
	formValues: Json<Record<string, string | string[]>>;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
	expiresAt: Date;
}

/** The answer cube (ADR 0015, core/report/cube.ts): derived from response and answer. */
export interface AnswerCubeTable {
	studyId: number;
	roundId: number;
	/** 0 for responses without a library. */
	libraryId: number;
	segmentKey: string;
	channel: string;
	language: string;
	segmentValue: string;
	itemId: string;
	facet: string;
	valueCode: string;
	n: number;
	sum: number;
	sumSq: number;
}

/** Stored responses not yet folded into the answer cube. */
export interface CubePendingTable {
	responseId: number;
	studyId: number;
}

/** A coordinator's decision on an open-text theme of one study × item (ADR 0019). */
export interface TextThemeTable {
	id: Generated<number>;
	studyId: number;
	itemId: string;
	key: string;
	label: string | null;
	mergedInto: string | null;
	manual: Generated<boolean>;
	createdBy: number | null;
	createdAt: CreatedAt;
	updatedAt: Timestamp;
}

/** An answer tagged with a theme by hand. */
export interface TextThemeTagTable {
	responseId: number;
	studyId: number;
	itemId: string;
	themeKey: string;
	createdBy: number | null;
	createdAt: CreatedAt;
}

/** A read-only public link to one report (migration 0005, ADR 0021); only the token's hash is kept. */
export interface ReportLinkTable {
	id: Generated<number>;
	tokenHash: string;
	studyId: number;
	scopeType: 'library' | 'municipality' | 'network';
	scopeId: number;
	/** Report query parameters: round, compare, channel, language, segment, breakdown (keys as in the URL). */
	filter: ColumnType<Record<string, string>, string | undefined, string>;
	label: Generated<string>;
	expiresAt: Date | null;
	createdBy: number | null;
	createdAt: CreatedAt;
	revokedAt: Date | null;
	revokedBy: number | null;
}

export interface Database {
	network: NetworkTable;
	municipality: MunicipalityTable;
	library: LibraryTable;
	mobileStop: MobileStopTable;
	libraryMunicipality: LibraryMunicipalityTable;
	networkLibrary: NetworkLibraryTable;
	appUser: AppUserTable;
	userGrant: UserGrantTable;
	userSession: UserSessionTable;
	userToken: UserTokenTable;
	loginFailure: LoginFailureTable;
	auditEvent: AuditEventTable;
	mailOutbox: MailOutboxTable;
	privacyNotice: PrivacyNoticeTable;
	instrument: InstrumentTable;
	instrumentVersion: InstrumentVersionTable;
	study: StudyTable;
	studyScope: StudyScopeTable;
	studyRound: StudyRoundTable;
	collector: CollectorTable;
	responseToken: ResponseTokenTable;
	response: ResponseTable;
	answer: AnswerTable;
	answerText: AnswerTextTable;
	partialResponse: PartialResponseTable;
	textTheme: TextThemeTable;
	textThemeTag: TextThemeTagTable;
	answerCube: AnswerCubeTable;
	cubePending: CubePendingTable;
	reportLink: ReportLinkTable;
}

export type Network = Selectable<NetworkTable>;
export type NewNetwork = Insertable<NetworkTable>;
export type NetworkUpdate = Updateable<NetworkTable>;
export type Municipality = Selectable<MunicipalityTable>;
export type Library = Selectable<LibraryTable>;
export type NewLibrary = Insertable<LibraryTable>;
export type MobileStop = Selectable<MobileStopTable>;
export type AppUser = Selectable<AppUserTable>;
export type UserGrant = Selectable<UserGrantTable>;
