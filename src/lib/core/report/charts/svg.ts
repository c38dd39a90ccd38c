/**
 * Small helpers to write SVG markup as strings. Every text and attribute value goes through
 * `escapeXml`, so labels from instruments or organisation names can never break out of the markup.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

export type Attributes = Record<string, string | number | undefined | null | false>;

/** Numbers in coordinates: two decimals at most, no "-0". */
export function num(value: number): string {
	const rounded = Math.round(value * 100) / 100;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

function attributes(attrs: Attributes): string {
	return Object.entries(attrs)
		.filter(([, value]) => value !== undefined && value !== null && value !== false)
		.map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(String(value))}"`)
		.join('');
}

/** An element; `children` is markup already built by these helpers (not escaped again). */
export function el(name: string, attrs: Attributes = {}, children?: string): string {
	return children === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/** A text element whose content is escaped here. */
export function text(content: string, attrs: Attributes = {}): string {
	return el('text', attrs, escapeXml(content));
}

/**
 * Width of a text in a sans-serif font, estimated from its characters (no font metrics in a pure
 * function): about 0.6 em a character, the width of DejaVu Sans and a little wider than most
 * system sans-serif fonts, so labels rather err on the short side than overlap.
 */
export const charWidth = 0.6;

export function textWidth(content: string, fontSize: number): number {
	return content.length * fontSize * charWidth;
}

/**
 * Words of a label broken into lines of at most `width` units; a word longer than a line is cut
 * with a hyphen, and text beyond `maxLines` ends with "…" (the full label is in the data table beside the chart).
 */
export function wrapText(content: string, width: number, fontSize: number, maxLines = 2): string[] {
	const perLine = Math.max(4, Math.floor(width / (fontSize * charWidth)));
	const lines: string[] = [];
	let current = '';
	for (const word of content.split(/\s+/).filter(Boolean)) {
		// A word longer than a line is cut with a hyphen (Finnish compounds are long).
		const pieces = word.length > perLine ? hyphenate(word, perLine) : [word];
		for (const piece of pieces) {
			const candidate = current ? `${current} ${piece}` : piece;
			if (candidate.length <= perLine) current = candidate;
			else {
				if (current) lines.push(current);
				current = piece;
			}
		}
	}
	if (current) lines.push(current);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1]!;
	kept[maxLines - 1] = (last.length >= perLine ? last.slice(0, perLine - 1) : last) + '…';
	return kept;
}

function hyphenate(word: string, perLine: number): string[] {
	const chars = [...word];
	const pieces: string[] = [];
	while (chars.length > perLine) pieces.push(chars.splice(0, perLine - 1).join('') + '-');
	pieces.push(chars.join(''));
	return pieces;
}

/** A multi-line label: one `<tspan>` per line, the first at (x, y). */
export function multilineText(lines: string[], x: number, y: number, lineHeight: number, attrs: Attributes = {}): string {
	const spans = lines.map((line, i) => el('tspan', { x, y: y + i * lineHeight }, escapeXml(line))).join('');
	return el('text', attrs, spans);
}
