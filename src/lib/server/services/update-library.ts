import { libraryUpdateSchema } from '#lib/core/organisations.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { updateLibrary as updateLibraryRow } from '#lib/server/db/libraries.ts';
import type { Library } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { changedFields, libraryToManage, parseOrThrow } from './org-access.ts';
import { assertUnique } from './org-unique.ts';

/** Edits a library's kind, names, ISIL and Kirkanta id; its key never changes. */
export async function updateLibrary(deps: Deps, actor: Actor, libraryId: number, input: unknown): Promise<Library> {
	const value = parseOrThrow(libraryUpdateSchema, input, 'library');
	return deps.db.transaction().execute(async (trx) => {
		const before = await libraryToManage(trx, deps, actor, libraryId);
		await assertUnique(trx, 'library', { isil: value.isil, kirkantaId: value.kirkantaId }, libraryId);
		const changed = changedFields(before, value);
		if (!changed.length) return before;
		const library = await updateLibraryRow(trx, libraryId, { ...value, updatedAt: deps.now() });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'library.update',
			targetType: 'library',
			targetId: libraryId,
			details: { key: library.key, changed }
		});
		return library;
	});
}
