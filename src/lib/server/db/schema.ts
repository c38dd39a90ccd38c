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
