import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '#lib/server/config.ts';
import { createContext, type AppContext } from '#lib/server/context.ts';
import { createLogger } from '#lib/server/logger.ts';

export interface Command {
	/** Words that select the command, e.g. `['user', 'add']`. */
	name: string[];
	summary: string;
	/** The usage text shown by `--help`, after `aspa <name>`. */
	usage: string;
	options: NonNullable<ParseArgsConfig['options']>;
	run(values: Record<string, string | boolean | string[] | undefined>, io: CommandIo): Promise<number>;
}

export interface CommandIo {
	out: (text: string) => void;
	err: (text: string) => void;
	/** Opens the configured database (without migrating or loading the demo). */
	context(): Promise<AppContext>;
	/** Everything on standard input (e.g. a password piped in); tests pass their own. */
	readStdin?: () => Promise<string>;
	/** Writes to standard output as it is, without a line break (files: a report, an export). */
	write?: (data: Uint8Array | string) => Promise<void>;
}

/** An error the user can fix: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export function parseCommandArgs(command: Command, argv: string[]) {
	try {
		return parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true })
			.values;
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

let stdoutGuarded = false;

export function defaultIo(): CommandIo {
	return {
		out: (text) => process.stdout.write(text + '\n'),
		err: (text) => process.stderr.write(text + '\n'),
		// The CLI logs warnings and worse only, to stderr, so that piped output stays clean.
		context: async () => {
			const config = loadConfig();
			return createContext(config, { logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel) });
		},
		// A reader that stops early (`| head`) closes the pipe: the write fails with EPIPE, which the
		// command sees as a rejection; the listener keeps it from being an unhandled 'error' event.
		write: (data) =>
			new Promise<void>((resolve, reject) => {
				if (!stdoutGuarded) {
					stdoutGuarded = true;
					process.stdout.on('error', () => {});
				}
				process.stdout.write(data, (error) => (error ? reject(error) : resolve()));
			}),
		readStdin: async () => {
			const chunks: Buffer[] = [];
			for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
			return Buffer.concat(chunks).toString('utf8');
		}
	};
}
