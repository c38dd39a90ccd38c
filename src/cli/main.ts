#!/usr/bin/env node
// The `aspa` command line: `npm run aspa -- <command> [options]`, `npm run aspa -- --help`.
import { isAppError } from '#lib/core/errors.ts';
import { ConfigError } from '#lib/server/config.ts';
import { defaultIo, parseCommandArgs, UsageError, type Command, type CommandIo } from './command.ts';
import { migrate } from './commands/migrate.ts';
import { demo } from './commands/demo.ts';
import { userAdd } from './commands/user-add.ts';
import { importLibrariesCommand } from './commands/import-libraries.ts';
import { dbCopy } from './commands/db-copy.ts';
import { exportResponsesCommand } from './commands/export-responses.ts';
import { importResponsesCommand } from './commands/import-responses.ts';
import { reportCommand } from './commands/report.ts';
import { cubeFold, cubeRebuild } from './commands/cube.ts';

const commands: Command[] = [migrate, demo, userAdd, importLibrariesCommand, dbCopy, reportCommand, exportResponsesCommand, importResponsesCommand, cubeRebuild, cubeFold];

function overview(): string {
	const width = Math.max(...commands.map((c) => c.name.join(' ').length));
	return [
		'Usage: npm run aspa -- <command> [options]',
		'       (npm run -s aspa -- … when the output is piped)',
		'',
		'Commands:',
		...commands.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`),
		'',
		'Configuration comes from the environment: DATABASE_URL (PostgreSQL) or ASPA_DATA_DIR',
		'(embedded database, default ./data). `npm run aspa -- <command> --help` for details.'
	].join('\n');
}

function commandHelp(command: Command): string {
	const lines = [`Usage: npm run aspa -- ${command.usage}`, '', command.summary];
	const options = Object.entries(command.options);
	if (options.length) {
		lines.push('', 'Options:');
		for (const [name, option] of options) {
			const description = (option as { description?: string }).description ?? '';
			lines.push(`  --${name}${option.type === 'string' ? ' VALUE' : ''}  ${description}`);
		}
	}
	return lines.join('\n');
}

export async function runCli(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
	const command = commands
		.filter((c) => c.name.every((word, i) => argv[i] === word))
		.sort((a, b) => b.name.length - a.name.length)[0];
	if (!command) {
		if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
			io.out(overview());
			return 0;
		}
		io.err(`Unknown command: ${argv.join(' ')}\n\n${overview()}`);
		return 2;
	}
	try {
		const values = parseCommandArgs(command, argv.slice(command.name.length));
		if (values.help) {
			io.out(commandHelp(command));
			return 0;
		}
		return await command.run(values, io);
	} catch (error) {
		if (error instanceof UsageError || error instanceof ConfigError) {
			io.err(`${error.message}\n\n${commandHelp(command)}`);
			return 2;
		}
		if (isAppError(error)) {
			io.err(`Error (${error.code}): ${error.message}`);
			return 1;
		}
		throw error;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exitCode = await runCli(process.argv.slice(2));
}
