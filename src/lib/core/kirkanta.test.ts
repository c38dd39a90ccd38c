import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatImportIssue, parseKirkanta, parseKirkantaText, type ImportPlan } from './kirkanta.ts';

const fixture = readFileSync(new URL('./fixtures/kirkanta-lastu.json', import.meta.url), 'utf8');

/** A minimal valid library record; override what a test is about. */
function record(overrides: Record<string, unknown> = {}) {
	return { id: 1, name: { fi: 'Testikirjasto' }, type: 'municipal', main_library: false, city: null, consortium: null, ...overrides };
}

function plan(input: unknown): ImportPlan {
	const result = parseKirkanta(input);
	if (!result.ok) throw new Error(result.issues.map(formatImportIssue).join('\n'));
	return result.plan;
}

describe('parseKirkanta: mapping', () => {
	const lastu = plan(JSON.parse(fixture));

	it('maps a municipal main library to main and other municipal libraries to branch', () => {
		const kinds = Object.fromEntries(lastu.libraries.map((l) => [l.key, l.kind]));
		expect(kinds['lahden-paakirjasto']).toBe('main');
		expect(kinds['jalkarannan-kirjasto']).toBe('branch');
		expect(kinds['hollolan-paakirjasto']).toBe('main');
	});

	it('maps a mobile library to mobile with its mobile-stop departments only', () => {
		const bus = lastu.libraries.find((l) => l.kirkantaId === 86505)!;
		expect(bus.kind).toBe('mobile');
		expect(bus.stops!.map((s) => s.kirkantaId)).toEqual([91301, 91302, 91303, 91304]);
		expect(bus.stops![0]).toEqual({ kirkantaId: 91301, key: 'ahtiala-koulu', nameFi: 'Ahtiala, koulu', nameSv: null });
		expect(bus.stops![3]).toMatchObject({ key: 'villahde-kirkonkyla', nameSv: 'Villähde, kyrkbyn' });
	});

	it('maps any other library type to other', () => {
		expect(lastu.libraries.find((l) => l.kirkantaId === 86590)!.kind).toBe('other');
	});

	it('takes municipalities from references.city and consortia from references.consortium', () => {
		expect(lastu.municipalities.map((m) => m.key).sort()).toEqual(['asikkala', 'hollola', 'lahti', 'padasjoki']);
		expect(lastu.municipalities.find((m) => m.key === 'lahti')).toEqual({ kirkantaId: 14770, key: 'lahti', nameFi: 'Lahti', nameSv: 'Lahtis' });
		expect(lastu.consortia).toEqual([{ kirkantaId: 2091, key: 'lastu', nameFi: 'Lastu-kirjastot', nameSv: 'Lastu-biblioteken' }]);
	});

	it('links each library to its municipality and consortium by Kirkanta id', () => {
		const main = lastu.libraries.find((l) => l.kirkantaId === 86501)!;
		expect(main).toMatchObject({ municipalityKirkantaId: 14770, consortiumKirkantaId: 2091, isil: 'FI-Lahti' });
		expect(lastu.libraries.find((l) => l.kirkantaId === 86590)!.consortiumKirkantaId).toBeNull();
	});

	it('keeps the Swedish name as the directory gives it, and none when it gives none', () => {
		expect(lastu.libraries.find((l) => l.kirkantaId === 86501)!.nameSv).toBe('Lahtis huvudbibliotek');
		expect(lastu.municipalities.find((m) => m.key === 'hollola')!.nameSv).toBe('Hollola');
		expect(lastu.libraries.find((l) => l.kirkantaId === 86503)!.nameSv).toBeNull();
	});

	it('derives the key from the Finnish name when there is no slug', () => {
		const [library] = plan([record({ name: { fi: 'Hervannan kirjasto', sv: 'Hervanta bibliotek' } })]).libraries;
		expect(library!.key).toBe('hervannan-kirjasto');
	});

	it('leaves stops unknown (null) when the record has no departments block', () => {
		expect(plan([record({ type: 'mobile' })]).libraries[0]!.stops).toBeNull();
	});

	it('accepts a bare array with embedded city and consortium objects, and camel-cased mainLibrary', () => {
		const result = plan([
			record({
				main_library: undefined,
				mainLibrary: true,
				city: { id: 7, name: { fi: 'Pori', sv: 'Björneborg' } },
				consortium: { id: 8, name: { fi: 'Satakirjastot' }, slug: 'satakirjastot' }
			})
		]);
		expect(result.libraries[0]).toMatchObject({ kind: 'main', municipalityKirkantaId: 7, consortiumKirkantaId: 8 });
		expect(result.municipalities).toEqual([{ kirkantaId: 7, key: 'pori', nameFi: 'Pori', nameSv: 'Björneborg' }]);
		expect(result.consortia[0]!.key).toBe('satakirjastot');
	});

	it('accepts a single-record envelope and plain-string names', () => {
		const result = plan({ type: 'library', result: record({ name: 'Kirjasto X' }) });
		expect(result.libraries[0]!.nameFi).toBe('Kirjasto X');
	});

	it('upper-cases the country prefix of an ISIL code', () => {
		expect(plan([record({ isil: 'fi-Tre' })]).libraries[0]!.isil).toBe('FI-Tre');
	});
});

describe('parseKirkanta: rejecting malformed files', () => {
	it('names the record (position, id, name) and the field of a wrong library type', () => {
		const result = parseKirkanta({ result: [record(), record({ id: 42, name: { fi: 'Metso' }, type: 'municpal' })] });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues).toEqual([
			expect.objectContaining({ index: 1, recordId: 42, recordName: 'Metso', field: 'type', problem: 'invalid_value' })
		]);
		expect(formatImportIssue(result.issues[0]!)).toMatch(/^Record 2 \(result\[1\], id 42, "Metso"\), field "type" has a value that is not allowed \(allowed: municipal, mobile/);
	});

	it('reports every problem of every record at once', () => {
		const result = parseKirkanta([record({ id: 'x' }), record({ id: 2, name: { en: 'Only English' } }), record({ id: 3, isil: 'Tampere' })]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map((i) => [i.index, i.field, i.problem])).toEqual([
			[0, 'id', 'invalid_type'],
			[1, 'name', 'required'],
			[2, 'isil', 'isil_format']
		]);
	});

	it('reports a missing field as required, with the record it belongs to', () => {
		const { type: _type, ...withoutType } = record({ id: 5 });
		const result = parseKirkanta([withoutType]);
		expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ index: 0, recordId: 5, field: 'type', problem: 'required' })]);
	});

	it('names the department inside a record', () => {
		const result = parseKirkanta([record({ id: 9, type: 'mobile', departments: [{ id: 1, name: { fi: 'A' }, type: 'mobile_stop' }, { id: 2, type: 'mobile_stop' }] })]);
		expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ index: 0, recordId: 9, field: 'departments.1.name', problem: 'required' })]);
	});

	it('rejects a city id that the references do not contain', () => {
		const result = parseKirkanta({ result: [record({ id: 3, city: 99 })], references: { city: {} } });
		expect(result.ok ? [] : result.issues).toEqual([
			expect.objectContaining({ index: 0, recordId: 3, field: 'city', problem: 'unknown_reference', detail: 'references.city.99' })
		]);
	});

	it('rejects repeated ids and repeated ISIL codes', () => {
		const result = parseKirkanta([record({ id: 1, isil: 'FI-A' }), record({ id: 1, isil: 'FI-A' })]);
		expect(result.ok ? [] : result.issues.map((i) => [i.index, i.field, i.problem, i.detail])).toEqual([
			[1, 'id', 'duplicate_id', '1'],
			[1, 'isil', 'duplicate_isil', '1']
		]);
	});

	it('rejects malformed references, naming the path', () => {
		const result = parseKirkanta({ result: [record()], references: { city: { '10': { id: 10, name: {} } } } });
		expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ index: null, field: 'references.city.10.name', problem: 'required' })]);
	});

	it('rejects text that is not JSON', () => {
		const result = parseKirkantaText('{"result": [');
		expect(result.ok ? [] : result.issues.map((i) => i.problem)).toEqual(['invalid_json']);
	});

	it('rejects an export of something other than libraries', () => {
		const result = parseKirkanta({ type: 'consortium', result: [] });
		expect(result.ok ? '' : formatImportIssue(result.issues[0]!)).toBe('Field "type" is "consortium", not "library"');
	});

	it('rejects JSON that holds no library list', () => {
		expect(parseKirkanta({ items: [] }).ok).toBe(false);
		expect(parseKirkanta('libraries').ok).toBe(false);
	});

	it('accepts an empty list as an empty plan', () => {
		expect(plan({ total: 0, type: 'library', result: [] })).toEqual({ municipalities: [], consortia: [], libraries: [] });
	});
});
