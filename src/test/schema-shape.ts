import ts from 'typescript';
import { sql, CamelCasePlugin } from 'kysely';
import type { Db } from '#lib/server/db/client.ts';

/**
 * The shape of a schema as both sides can state it: per table (snake_case) and column (snake_case),
 * whether it can be null and which JavaScript values it carries. schema.db.test.ts reads one shape
 * from the hand-written types in schema.ts and one from a migrated database and compares them.
 */
export type TypeFamily = 'string' | 'number' | 'boolean' | 'Date' | 'json';
export interface ColumnShape {
	nullable: boolean;
	/** A family, or a description of what could not be classified (which then never matches). */
	family: TypeFamily | string;
}
export type SchemaShape = Record<string, Record<string, ColumnShape>>;

/** Kysely's own camelCase → snake_case mapping, so the test maps names exactly as queries do. */
class NameMapper extends CamelCasePlugin {
	toSnake(name: string): string {
		return this.snakeCase(name);
	}
}
const names = new NameMapper();

/**
 * Reads the `Database` interface of `schemaPath` with the TypeScript compiler: each property is a
 * table, each property of its type a column. `ColumnType<Select, …>` and `Generated<…>` are read
 * by their select type, which is what a query returns; aliases and imported unions are resolved by
 * the type checker, so `Timestamp`, `DateText` or `Role` need no special cases here.
 */
export function readSchemaTypes(schemaPath: string): SchemaShape {
	const program = ts.createProgram([schemaPath], {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		allowImportingTsExtensions: true
	});
	const problems = ts
		.getPreEmitDiagnostics(program)
		.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
	if (problems.length) throw new Error(`${schemaPath} does not type-check:\n${problems.join('\n')}`);
	const checker = program.getTypeChecker();
	const source = program.getSourceFile(schemaPath);
	const database = source?.statements.find(
		(statement): statement is ts.InterfaceDeclaration =>
			ts.isInterfaceDeclaration(statement) && statement.name.text === 'Database'
	);
	if (!database) throw new Error(`${schemaPath} has no \`interface Database\`.`);

	const shape: SchemaShape = {};
	for (const table of checker.getTypeAtLocation(database).getProperties()) {
		const columns: Record<string, ColumnShape> = {};
		for (const column of checker.getTypeOfSymbol(table).getProperties()) {
			columns[names.toSnake(column.name)] = classify(checker, selectType(checker, checker.getTypeOfSymbol(column)));
		}
		shape[names.toSnake(table.name)] = columns;
	}
	return shape;
}

/** `ColumnType<S, I, U>` is `{ __select__: S, … }`; anything else is its own select type. */
function selectType(checker: ts.TypeChecker, type: ts.Type): ts.Type {
	const select = type.getProperty('__select__');
	return select ? checker.getTypeOfSymbol(select) : type;
}

function classify(checker: ts.TypeChecker, type: ts.Type): ColumnShape {
	const members = type.isUnion() ? type.types : [type];
	let nullable = false;
	const families = new Set<string>();
	for (const member of members) {
		const flags = member.flags;
		if (flags & ts.TypeFlags.Null) nullable = true;
		else if (flags & ts.TypeFlags.StringLike) families.add('string');
		else if (flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) families.add('number');
		else if (flags & ts.TypeFlags.BooleanLike) families.add('boolean');
		else if (flags & ts.TypeFlags.Object) families.add(member.getSymbol()?.name === 'Date' ? 'Date' : 'json');
		else families.add(`unclassified TypeScript type ${checker.typeToString(member)}`);
	}
	return { nullable, family: [...families].sort().join(' | ') || 'no type' };
}

/** How each PostgreSQL type arrives in JavaScript through client.ts (note: `date` is ISO text). */
const familyOfDataType: Record<string, TypeFamily> = {
	smallint: 'number',
	integer: 'number',
	bigint: 'number',
	numeric: 'number',
	real: 'number',
	'double precision': 'number',
	text: 'string',
	'character varying': 'string',
	character: 'string',
	uuid: 'string',
	date: 'string',
	boolean: 'boolean',
	'timestamp with time zone': 'Date',
	'timestamp without time zone': 'Date',
	json: 'json',
	jsonb: 'json'
};

/** The application tables of the current schema (Kysely's migration bookkeeping excluded). */
export async function readDatabaseSchema(db: Db): Promise<SchemaShape> {
	const { rows } = await sql<{ tableName: string; columnName: string | null; dataType: string | null; isNullable: string | null }>`
		select t.table_name, c.column_name, c.data_type, c.is_nullable
		from information_schema.tables t
		left join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name
		where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
			and t.table_name not like 'kysely\\_%'
		order by t.table_name, c.ordinal_position
	`.execute(db);
	const shape: SchemaShape = {};
	for (const row of rows) {
		const columns = (shape[row.tableName] ??= {});
		if (!row.columnName || !row.dataType) continue;
		columns[row.columnName] = {
			nullable: row.isNullable === 'YES',
			family: familyOfDataType[row.dataType] ?? `unmapped PostgreSQL type ${row.dataType}`
		};
	}
	return shape;
}

/** Every difference, as sentences naming table and column; empty when the shapes agree. */
export function compareSchemas(types: SchemaShape, database: SchemaShape): string[] {
	const problems: string[] = [];
	for (const table of Object.keys(database)) {
		if (!types[table]) problems.push(`table ${table} is in the database but not in schema.ts (interface Database)`);
	}
	for (const [table, typeColumns] of Object.entries(types)) {
		const dbColumns = database[table];
		if (!dbColumns) {
			problems.push(`table ${table} is in schema.ts but not in the database`);
			continue;
		}
		for (const column of Object.keys(dbColumns)) {
			if (!typeColumns[column]) problems.push(`${table}.${column} is in the database but not in schema.ts`);
		}
		for (const [column, typed] of Object.entries(typeColumns)) {
			const actual = dbColumns[column];
			if (!actual) {
				problems.push(`${table}.${column} is in schema.ts but not in the database`);
				continue;
			}
			if (typed.nullable !== actual.nullable) {
				problems.push(
					`${table}.${column} is ${typed.nullable ? 'nullable' : 'not nullable'} in schema.ts ` +
						`but ${actual.nullable ? 'nullable' : 'not null'} in the database`
				);
			}
			if (typed.family !== actual.family) {
				problems.push(`${table}.${column} is ${typed.family} in schema.ts but ${actual.family} in the database`);
			}
		}
	}
	return problems;
}
