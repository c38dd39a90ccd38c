import { sizeClassInputSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { updateLibrary } from '#lib/server/db/libraries.ts';
import type { Library } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { libraryToManage, parseOrThrow } from './org-access.ts';

/**
 * Sets (or clears) a library's size class: small, medium or large. An admin's judgement, not
 * imported, because mystery-shopping criteria and report comparisons depend on it.
 */
export async function setLibrarySizeClass(deps: Deps, actor: Actor, libraryId: number, input: unknown): Promise<Library> {
	const { sizeClass } = parseOrThrow(sizeClassInputSchema, input, 'size class');
	return deps.db.transaction().execute(async (trx) => {
		const before = await libraryToManage(trx, deps, actor, libraryId);
		if (before.sizeClass === sizeClass) return before;
		const library = await updateLibrary(trx, libraryId, { sizeClass, updatedAt: deps.now() });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'library.size_class',
			targetType: 'library',
			targetId: libraryId,
			details: { key: library.key, from: before.sizeClass, to: sizeClass }
		});
		return library;
	});
}
