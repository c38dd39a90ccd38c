import fc from 'fast-check';
import type { Condition, ConditionValue } from './condition.ts';
import { compoundFacets, refDomain } from './facet-domain.ts';
import type { Instrument, Section } from './instrument.ts';
import { isAnswerable, type AnswerableItem, type ChoiceOption, type Item } from './items.ts';
import type { LocalizedText } from './localized-text.ts';
import type { OptionSources } from './options.ts';
import type { Scale } from './scale.ts';

/**
 * fast-check arbitraries of valid instrument definitions: every item kind, random limits, and
 * show-if conditions on earlier items. For property tests here and in the collection and
 * analysis layers (test support only; never imported by the app).
 */

/** The run-time options every generated `optionsFrom: 'libraries'` item is checked against. */
export const arbitraryOptionSources: OptionSources = {
	libraries: [
		{ code: 'metso', label: { fi: 'Metso' } },
		{ code: 'hervanta', label: { fi: 'Hervanta' } },
		{ code: 'kirjastoauto', label: { fi: 'Kirjastoauto' } }
	]
};

const text = fc.constantFrom<LocalizedText>({ fi: 'Kysymys' }, { fi: 'Väite', sv: 'Påstående' }, { fi: 'Arvio', sv: 'Bedömning', en: 'Rating' });
// Codes and row ids named like Object properties catch lookups that reach the prototype.
const codePool = ['a', 'b', 'c', '15-29', '45-64', 'web', 'desk', 'x_1', 'constructor'];

const options = fc
	.uniqueArray(fc.constantFrom(...codePool), { minLength: 1, maxLength: 6 })
	.map((codes): ChoiceOption[] => codes.map((code) => ({ code, label: { fi: `Vaihtoehto ${code}` } })));

const scale: fc.Arbitrary<Scale> = fc
	.record({ min: fc.integer({ min: -1, max: 1 }), points: fc.integer({ min: 3, max: 11 }), eachLabelled: fc.boolean() })
	.map(({ min, points, eachLabelled }) => {
		const max = min + points - 1;
		if (eachLabelled) return { min, max, pointLabels: Array.from({ length: points }, (_, index) => ({ fi: `Piste ${index}` })) };
		return { min, max, lowLabel: { fi: 'Vähän' }, highLabel: { fi: 'Paljon' } };
	});

const na = { allowNa: fc.boolean() };
const other = fc.option(fc.record({ label: text, maxLength: fc.integer({ min: 1, max: 40 }) }), { nil: undefined });

/** The kind-specific part of an item (everything but id, text, required and show-if). */
const itemBody: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
	fc.record({ kind: fc.constant('single_choice'), options, other }),
	fc.constant({ kind: 'single_choice', optionsFrom: 'libraries' }),
	fc.record({ kind: fc.constant('multiple_choice'), options, other }).chain((item) => {
		const available = item.options.length + (item.other ? 1 : 0);
		return fc
			.record({ min: fc.integer({ min: 0, max: available }), max: fc.integer({ min: 1, max: available }) })
			.map(({ min, max }) => ({ ...item, minSelections: Math.min(min, max), maxSelections: Math.max(min, max, 1) }));
	}),
	fc.record({ kind: fc.constant('rating'), scale, ...na }),
	fc.record({
		kind: fc.constant('matrix'),
		scale,
		rows: fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3', 'constructor', 'tostring'), { minLength: 1, maxLength: 4 }).map((ids) => ids.map((id) => ({ id, text: { fi: id } }))),
		...na
	}),
	fc.record({ kind: fc.constant('importance_performance'), importance: scale, performance: scale, ...na }),
	fc.record({ kind: fc.constant('libqual'), ...na }),
	fc.constantFrom({ kind: 'nps' }, { kind: 'school_grade' }, { kind: 'happy_index' }),
	fc.record({ kind: fc.constant('checklist'), weight: fc.integer({ min: 0, max: 5 }), ...na }),
	fc
		.record({ kind: fc.constant('number'), a: fc.integer({ min: -50, max: 50 }), b: fc.integer({ min: -50, max: 50 }), integer: fc.boolean() })
		.map(({ a, b, ...rest }) => ({ ...rest, min: Math.min(a, b), max: Math.max(a, b) })),
	fc
		.record({ kind: fc.constant('date'), a: fc.integer({ min: 0, max: 4000 }), b: fc.integer({ min: 0, max: 4000 }) })
		.map(({ kind, a, b }) => ({ kind, min: dayToIso(Math.min(a, b)), max: dayToIso(Math.max(a, b)) })),
	fc.record({ kind: fc.constantFrom('short_text', 'long_text'), maxLength: fc.integer({ min: 1, max: 60 }) }),
	fc.constant({ kind: 'info' })
);

/** Day `n` after 2020-01-01 as YYYY-MM-DD. */
export function dayToIso(day: number): string {
	return new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
}

/** A condition over earlier answerable items, using only values each can have. */
function condition(earlier: AnswerableItem[], depth: number): fc.Arbitrary<Condition> {
	const leaf = fc.constantFrom(...earlier).chain((target) => {
		const facets = compoundFacets(target);
		return fc.constantFrom(...facets).chain((facet): fc.Arbitrary<Condition> => {
			const ref = facet === '' ? target.id : `${target.id}.${facet}`;
			const domain = refDomain(target, facet, arbitraryOptionSources);
			if (!domain || 'compound' in domain || domain.values === 'any' || domain.values.length === 0) return fc.constant({ answered: ref });
			const value = fc.constantFrom<ConditionValue>(...domain.values);
			return fc.oneof(
				fc.constant({ answered: ref }),
				value.map((v) => ({ equals: [ref, v] as [string, ConditionValue] })),
				fc.uniqueArray(value, { minLength: 1, maxLength: 3 }).map((values) => ({ in: [ref, values] as [string, ConditionValue[]] }))
			);
		});
	});
	if (depth <= 0) return leaf;
	const inner = condition(earlier, depth - 1);
	return fc.oneof(
		{ weight: 3, arbitrary: leaf },
		{ weight: 1, arbitrary: inner.map((c) => ({ not: c })) },
		{ weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((cs) => ({ and: cs })) },
		{ weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((cs) => ({ or: cs })) }
	);
}

/** A valid instrument of 1–12 items in 1–3 sections, segments and show-if included. */
export function arbitraryInstrument(): fc.Arbitrary<Instrument> {
	const bodies = fc.array(fc.record({ body: itemBody, required: fc.boolean(), segment: fc.boolean() }), { minLength: 1, maxLength: 12 });
	return bodies
		.map((specs) =>
			specs.map(({ body, required, segment }, index): Item => {
				const id = `i${index}`;
				const extra: Record<string, unknown> = body.kind === 'info' ? {} : { required };
				if (segment && (body.kind === 'single_choice' || body.kind === 'multiple_choice')) extra.segment = `seg_${id}`;
				return { id, text: { fi: `Kysymys ${index}` }, ...body, ...extra } as Item;
			})
		)
		.chain((items) => {
			const withConditions = items.map((item, index) => {
				const earlier = items.slice(0, index).filter(isAnswerable);
				if (earlier.length === 0) return fc.constant(item);
				return fc.option(condition(earlier, 2), { nil: undefined, freq: 2 }).map((showIf) => (showIf ? { ...item, showIf } : item));
			});
			return fc.tuple(fc.tuple(...withConditions), fc.integer({ min: 1, max: 3 }));
		})
		.map(([items, sectionCount]) => ({
			schemaVersion: 1 as const,
			baseLanguage: 'fi' as const,
			languages: ['fi' as const],
			title: { fi: 'Generoitu kysely' },
			sections: splitIntoSections(items, sectionCount)
		}));
}

function splitIntoSections(items: Item[], count: number): Section[] {
	const size = Math.ceil(items.length / count);
	const sections: Section[] = [];
	for (let start = 0; start < items.length; start += size) {
		sections.push({ id: `s${sections.length}`, title: { fi: `Osa ${sections.length + 1}` }, items: items.slice(start, start + size) });
	}
	return sections;
}
