import { inflateSync } from 'node:zlib';

/**
 * A light look inside a PDF made with the standard fonts, for tests: the text of every content
 * stream (hex strings of `Tj`/`TJ`, WinAnsi-decoded, the pieces of one `TJ` joined), one line per
 * text operation. Enough to check that a token or an address is printed; not a PDF parser.
 */
export function pdfText(bytes: Uint8Array): string {
	const source = Buffer.from(bytes);
	const latin = source.toString('latin1');
	const decoder = new TextDecoder('windows-1252');
	const lines: string[] = [];
	const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g;
	for (const match of latin.matchAll(streamPattern)) {
		const start = match.index + match[0].length;
		const end = latin.indexOf('endstream', start);
		let content = source.subarray(start, end);
		if (/\/FlateDecode/.test(match[1]!)) {
			try {
				content = inflateSync(content);
			} catch {
				continue; // an image or font stream that is not text
			}
		}
		const text = content.toString('latin1');
		for (const operation of text.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
			const hexes = operation[1] !== undefined ? [...operation[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => hex[1]!) : [operation[2]!];
			lines.push(hexes.map((hex) => decoder.decode(Buffer.from(hex, 'hex'))).join(''));
		}
	}
	return lines.join('\n');
}
