import { placedItems, type Instrument } from '../instrument/instrument.ts';
import { issue, type InstrumentIssue } from '../instrument/instrument-issues.ts';

/**
 * Versions of one instrument keep their item ids, and an id keeps its meaning (ADR 0010): rounds
 * compare on ids. A new version may add, reword, reorder or retire items, but an id that an
 * earlier published version used must not come back as another kind of item.
 */
export function versionCompatibilityIssues(next: Instrument, published: readonly Instrument[]): InstrumentIssue[] {
	const earlierKinds = new Map<string, string>();
	for (const version of published) {
		for (const { item } of placedItems(version)) earlierKinds.set(item.id, item.kind);
	}
	return placedItems(next).flatMap(({ item, path }) => {
		const before = earlierKinds.get(item.id);
		if (before === undefined || before === item.kind) return [];
		return [issue('kind_changed', path, `was a ${before} item in an earlier published version; give the new ${item.kind} item a new id`, item.id)];
	});
}
