import { conditionLeaves, parseRef, type Condition } from './condition.ts';
import { refDomain, sameValue } from './facet-domain.ts';
import type { Instrument } from './instrument.ts';
import { issue, joinPath, type InstrumentIssue } from './instrument-issues.ts';
import { isAnswerable, type Item } from './items.ts';

/**
 * Show-if conditions may look only backwards: an item's condition refers to items before it, a
 * section's to items of earlier sections. References must name an answerable item (and an
 * existing facet of it), and compared values must be ones the item can have.
 */
export function checkShowIf(instrument: Instrument): InstrumentIssue[] {
	const issues: InstrumentIssue[] = [];
	const order = new Map<string, { item: Item; position: number }>();
	let position = 0;
	instrument.sections.forEach((section) =>
		section.items.forEach((item) => {
			if (!order.has(item.id)) order.set(item.id, { item, position });
			position++;
		})
	);
	position = 0;
	instrument.sections.forEach((section, sectionIndex) => {
		const sectionPath = `sections[${sectionIndex}]`;
		if (section.showIf) checkCondition(section.showIf, position, joinPath(sectionPath, 'showIf'), undefined, order, issues);
		section.items.forEach((item, itemIndex) => {
			if (item.showIf) checkCondition(item.showIf, position, joinPath(sectionPath, 'items', itemIndex, 'showIf'), item.id, order, issues);
			position++;
		});
	});
	return issues;
}

function checkCondition(
	condition: Condition,
	position: number,
	path: string,
	ownerId: string | undefined,
	order: Map<string, { item: Item; position: number }>,
	issues: InstrumentIssue[]
): void {
	const add = (code: InstrumentIssue['code'], message: string) =>
		issues.push(ownerId === undefined ? issue(code, path, `${path}: ${message}.`) : issue(code, path, message, ownerId));
	for (const { ref, values } of conditionLeaves(condition)) {
		const { itemId, facet } = parseRef(ref);
		const target = order.get(itemId);
		if (!target) {
			add('show_if_unknown_item', `show-if refers to '${itemId}', which is not an item of this instrument`);
			continue;
		}
		if (target.position >= position) {
			add('show_if_later_item', `show-if refers to '${itemId}', which comes ${target.item.id === ownerId ? 'as this item itself' : 'later'}; only earlier items can be referred to`);
			continue;
		}
		if (!isAnswerable(target.item)) {
			add('show_if_not_answerable', `show-if refers to '${itemId}', which takes no answer`);
			continue;
		}
		const domain = refDomain(target.item, facet);
		if (!domain) {
			add('show_if_unknown_facet', `show-if refers to '${ref}', but '${itemId}' has no facet '${facet}'`);
			continue;
		}
		if (values.length === 0) continue;
		if ('compound' in domain) {
			add('show_if_unknown_facet', `show-if compares '${itemId}' as a whole; name a row or facet ('${itemId}.<facet>')`);
			continue;
		}
		if (domain.values === 'any') continue;
		const allowed = domain.values;
		for (const value of values) {
			if (!allowed.some((candidate) => sameValue(candidate, value)))
				add('show_if_unknown_value', `show-if compares '${ref}' with ${JSON.stringify(value)}, which it cannot have (${allowed.join(', ')})`);
		}
	}
}
