import type { Readable } from 'node:stream';
import { UsageError, type CommandIo } from '../command.ts';

/** The reader of standard output went away (`| head`): nothing more to write, and no error. */
function readerGone(error: unknown): boolean {
	return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

function writer(io: CommandIo): NonNullable<CommandIo['write']> {
	if (!io.write) throw new UsageError('This environment has no standard output for files: give --out FILE.');
	return io.write;
}

/** Writes a file's bytes to standard output as they come (an export). */
export async function writeStream(io: CommandIo, stream: Readable): Promise<void> {
	const write = writer(io);
	try {
		for await (const chunk of stream) await write(typeof chunk === 'string' ? chunk : new Uint8Array(chunk as Buffer));
	} catch (error) {
		stream.destroy();
		if (!readerGone(error)) throw error;
	}
}

/** Writes a whole file (a report) to standard output. */
export async function writeBody(io: CommandIo, body: Uint8Array | string): Promise<void> {
	try {
		await writer(io)(body);
	} catch (error) {
		if (!readerGone(error)) throw error;
	}
}
