/**
 * Orders items so that each comes after everything it depends on (a topological sort, Kahn's
 * algorithm). Used to copy tables parents first: `dependsOn` maps a table to the tables its foreign
 * keys reference. Self-references are ignored (they order rows, not tables). Each step takes the
 * first item, in input order, whose dependencies are all placed, so the result is stable.
 *
 *     dependencyOrder(['grant', 'user'], { grant: ['user'] })  // { ok: true, order: ['user', 'grant'] }
 */
export type DependencyOrder<T> = { ok: true; order: T[] } | { ok: false; cycle: T[] };

export function dependencyOrder<T extends string>(
	items: readonly T[],
	dependsOn: Partial<Record<T, readonly T[]>>
): DependencyOrder<T> {
	const known = new Set(items);
	const waitingOn = new Map<T, Set<T>>();
	for (const item of items) {
		waitingOn.set(item, new Set((dependsOn[item] ?? []).filter((other) => other !== item && known.has(other))));
	}
	const order: T[] = [];
	while (order.length < items.length) {
		const next = items.find((item) => waitingOn.get(item)?.size === 0);
		if (next === undefined) {
			return { ok: false, cycle: items.filter((item) => (waitingOn.get(item)?.size ?? 0) > 0) };
		}
		order.push(next);
		waitingOn.delete(next);
		for (const rest of waitingOn.values()) rest.delete(next);
	}
	return { ok: true, order };
}
