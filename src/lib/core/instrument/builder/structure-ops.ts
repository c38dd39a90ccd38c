import type { Instrument, Section } from '../instrument.ts';
import { issue } from '../instrument-issues.ts';
import type { Item, ItemKind } from '../items.ts';
import type { LocalizedText } from '../localized-text.ts';
import { copyOf, finish, refuse, type BuilderResult } from './builder-result.ts';
import { freshItemId, freshSectionId } from './fresh-id.ts';
import { newItemOfKind } from './new-item.ts';
import { referencesTo } from './references.ts';

/**
 * The builder's structural edits: add, replace, move and delete items and sections. Each returns
 * a validated copy or the issues that stop it (ADR 0010: ids are kept; a move that puts an item
 * before the item its show-if reads is refused by validation, naming the item).
 */
export type Direction = 'up' | 'down';

interface Place {
	sectionIndex: number;
	itemIndex: number;
}

function locate(instrument: Instrument, itemId: string): Place | undefined {
	for (const [sectionIndex, section] of instrument.sections.entries()) {
		const itemIndex = section.items.findIndex((item) => item.id === itemId);
		if (itemIndex !== -1) return { sectionIndex, itemIndex };
	}
	return undefined;
}

const noItem = (itemId: string) => refuse('item_not_found', '', `There is no item '${itemId}' in this instrument.`);
const noSection = (sectionId: string) => refuse('section_not_found', '', `There is no section '${sectionId}' in this instrument.`);

/** Adds a new item of `kind` with defaults and a fresh id at the end of a section (or after an item). */
export function addItem(
	instrument: Instrument,
	sectionId: string,
	kind: ItemKind,
	options: { reservedIds?: Iterable<string>; afterItemId?: string } = {}
): BuilderResult & { itemId?: string } {
	const draft = copyOf(instrument);
	const section = draft.sections.find((candidate) => candidate.id === sectionId);
	if (!section) return noSection(sectionId);
	const id = freshItemId(instrument, kind, options.reservedIds);
	const after = options.afterItemId === undefined ? -1 : section.items.findIndex((item) => item.id === options.afterItemId);
	section.items.splice(after === -1 ? section.items.length : after + 1, 0, newItemOfKind(kind, id, instrument.baseLanguage));
	const result = finish(draft);
	return result.ok ? { ...result, itemId: id } : result;
}

/** Puts an edited item in place of the one with the same id; the kind and the id cannot change. */
export function replaceItem(instrument: Instrument, item: Item): BuilderResult {
	const place = locate(instrument, item.id);
	if (!place) return noItem(item.id);
	const draft = copyOf(instrument);
	const section = draft.sections[place.sectionIndex]!;
	if (section.items[place.itemIndex]!.kind !== item.kind)
		return refuse('kind_changed', `sections[${place.sectionIndex}].items[${place.itemIndex}].kind`, 'the kind of an item cannot change; add a new item instead', item.id);
	section.items[place.itemIndex] = structuredClone(item);
	return finish(draft);
}

/**
 * Moves an item one step. At the top of a section "up" moves it to the end of the section before;
 * at the bottom "down" to the start of the next. At the very top or bottom nothing changes.
 */
export function moveItem(instrument: Instrument, itemId: string, direction: Direction): BuilderResult {
	const place = locate(instrument, itemId);
	if (!place) return noItem(itemId);
	const draft = copyOf(instrument);
	const sections = draft.sections;
	const items = sections[place.sectionIndex]!.items;
	const [item] = items.splice(place.itemIndex, 1);
	if (direction === 'up') {
		if (place.itemIndex > 0) items.splice(place.itemIndex - 1, 0, item!);
		else if (place.sectionIndex > 0) sections[place.sectionIndex - 1]!.items.push(item!);
		else items.unshift(item!);
	} else if (place.itemIndex < items.length) items.splice(place.itemIndex + 1, 0, item!);
	else if (place.sectionIndex < sections.length - 1) sections[place.sectionIndex + 1]!.items.unshift(item!);
	else items.push(item!);
	return finish(draft);
}

/** Deletes an item unless a show-if of another item or section still reads it. */
export function deleteItem(instrument: Instrument, itemId: string): BuilderResult {
	const place = locate(instrument, itemId);
	if (!place) return noItem(itemId);
	const references = referencesTo(instrument, new Set([itemId]));
	if (references.length > 0) return { ok: false, issues: references.map((ref) => stillReferenced(ref.target, ref.itemId, ref.sectionId)) };
	const draft = copyOf(instrument);
	draft.sections[place.sectionIndex]!.items.splice(place.itemIndex, 1);
	return finish(draft);
}

function stillReferenced(target: string, byItem: string | undefined, bySection: string) {
	const by = byItem === undefined ? `the show-if of section '${bySection}'` : `the show-if of item '${byItem}'`;
	return issue('still_referenced', '', `${by} refers to it; change that condition first`, target);
}

export function addSection(
	instrument: Instrument,
	title: LocalizedText,
	options: { reservedIds?: Iterable<string> } = {}
): BuilderResult & { sectionId?: string } {
	const draft = copyOf(instrument);
	const id = freshSectionId(instrument, options.reservedIds);
	draft.sections.push({ id, title: structuredClone(title), items: [] });
	const result = finish(draft);
	return result.ok ? { ...result, sectionId: id } : result;
}

/** Changes a section's title, intro or show-if; its id and items stay. */
export function updateSection(instrument: Instrument, sectionId: string, change: Partial<Pick<Section, 'title' | 'intro' | 'showIf'>>): BuilderResult {
	const draft = copyOf(instrument);
	const section = draft.sections.find((candidate) => candidate.id === sectionId);
	if (!section) return noSection(sectionId);
	for (const key of ['title', 'intro', 'showIf'] as const) {
		if (!(key in change)) continue;
		const value = change[key];
		if (value === undefined) delete section[key];
		else Object.assign(section, { [key]: structuredClone(value) });
	}
	return finish(draft);
}

export function moveSection(instrument: Instrument, sectionId: string, direction: Direction): BuilderResult {
	const index = instrument.sections.findIndex((section) => section.id === sectionId);
	if (index === -1) return noSection(sectionId);
	const target = direction === 'up' ? index - 1 : index + 1;
	if (target < 0 || target >= instrument.sections.length) return finish(copyOf(instrument));
	const draft = copyOf(instrument);
	const [section] = draft.sections.splice(index, 1);
	draft.sections.splice(target, 0, section!);
	return finish(draft);
}

/** Deletes a section and its items, unless it is the only one or a later show-if reads its items. */
export function deleteSection(instrument: Instrument, sectionId: string): BuilderResult {
	const index = instrument.sections.findIndex((section) => section.id === sectionId);
	if (index === -1) return noSection(sectionId);
	if (instrument.sections.length === 1) return refuse('last_section', `sections[${index}]`, 'An instrument needs at least one section.');
	const ids = new Set(instrument.sections[index]!.items.map((item) => item.id));
	const references = referencesTo(instrument, ids).filter((ref) => ref.sectionId !== sectionId);
	if (references.length > 0) return { ok: false, issues: references.map((ref) => stillReferenced(ref.target, ref.itemId, ref.sectionId)) };
	const draft = copyOf(instrument);
	draft.sections.splice(index, 1);
	return finish(draft);
}
