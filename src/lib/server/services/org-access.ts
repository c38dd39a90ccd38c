import { AppError } from '#lib/core/errors.ts';
import { localDate } from '#lib/core/local-date.ts';
import { parseInput, type FieldErrors } from '#lib/core/organisations.ts';
import { can, canAnywhere, GLOBAL, type Action, type Actor, type Resource } from '#lib/core/permissions.ts';
import type { z } from 'zod';
import type { Db } from '#lib/server/db/client.ts';
import { findLibrary } from '#lib/server/db/libraries.ts';
import { resolveNetwork } from '#lib/server/db/networks.ts';
import { libraryResource } from '#lib/server/db/org-resources.ts';
import type { Library, Network } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';

/**
 * What the organisation use cases share: the permission check, input parsing into a field-error
 * AppError, and "today" in Helsinki. Not a use case itself.
 */

/** Today's date in Helsinki (ISO), the default for membership dates and "in force" questions. */
export function today(deps: Pick<Deps, 'now'>): string {
	return localDate(deps.now());
}

export function requireCan(actor: Actor | null, action: Action, resource: Resource = GLOBAL, what = 'organisations'): void {
	if (!can(actor, action, resource)) {
		throw new AppError('forbidden', 'forbidden', `User ${actor?.id ?? '(anonymous)'} may not ${action} on ${describeResource(resource)} (${what}).`);
	}
}

export function requireAnywhere(actor: Actor | null, action: Action): void {
	if (!canAnywhere(actor, action)) throw new AppError('forbidden', 'forbidden', `User ${actor?.id ?? '(anonymous)'} may not ${action} anywhere.`);
}

/** The library the actor changes (checked against its memberships today), or not_found. */
export async function libraryToManage(trx: Db, deps: Pick<Deps, 'now'>, actor: Actor, libraryId: number): Promise<Library> {
	requireCan(actor, 'org.manage', await libraryResource(trx, libraryId, today(deps)));
	const library = await findLibrary(trx, libraryId);
	if (!library) throw new AppError('not_found', 'org_not_found', `No library ${libraryId}.`);
	return library;
}

/** The network a form names (key or Kirkanta id), or not_found on its `network` field. */
export async function networkOfField(trx: Db, ref: string): Promise<Network> {
	const network = await resolveNetwork(trx, ref);
	if (!network) throw fieldError('not_found', 'org_not_found', `No network "${ref}".`, { network: 'unknown_unit' });
	return network;
}

function describeResource(resource: Resource): string {
	return resource.type === 'global' ? 'everything' : `${resource.type} ${resource.id}`;
}

/**
 * Parses input with a core schema or throws `invalid_input` whose `details.fields` maps each bad
 * field to its problem code, which forms show next to the field.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
	const result = parseInput(schema, input);
	if (result.ok) return result.value;
	throw fieldError('invalid', 'invalid_input', `Invalid ${what}: ${Object.entries(result.errors).map(([f, p]) => `${f} (${p})`).join(', ')}.`, result.errors);
}

export function fieldError(kind: 'invalid' | 'conflict' | 'not_found', code: string, message: string, fields: FieldErrors): AppError {
	return new AppError(kind, code, message, { details: { fields } });
}

/** Which of the named fields differ between a row and the changes (for audit details). */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
	return (Object.keys(after) as (keyof T)[]).filter((field) => after[field] !== undefined && after[field] !== before[field]).map(String);
}
