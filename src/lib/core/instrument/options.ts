import { otherCode } from './answers.ts';
import type { ChoiceItem, ChoiceOption, OptionSourceName } from './items.ts';

/**
 * Options that are filled at run time, e.g. the study's libraries for an item with
 * `optionsFrom: 'libraries'` (codes are library keys, labels the libraries' names). The collection
 * layer loads them and passes the same lists to the renderer and to `checkSubmission`.
 */
export type OptionSources = Partial<Record<OptionSourceName, readonly ChoiceOption[]>>;

/**
 * The options of a choice item: its own, or those of its source. A source that was not supplied
 * gives no options, so every answer to the item is refused rather than stored unchecked.
 */
export function choiceOptions(item: ChoiceItem, sources: OptionSources = {}): readonly ChoiceOption[] {
	if (item.optionsFrom) return sources[item.optionsFrom] ?? [];
	return item.options ?? [];
}

/** Every code the item accepts, in order: its options, then `other` when it has "other, what?". */
export function choiceCodes(item: ChoiceItem, sources: OptionSources = {}): string[] {
	const codes = choiceOptions(item, sources).map((option) => option.code);
	return item.other ? [...codes, otherCode] : codes;
}
