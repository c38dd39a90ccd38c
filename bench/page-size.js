// Bytes on the wire of the respondent pages (ADR 0013): the HTML and every subresource it loads
// (stylesheets, scripts, images), each fetched as a browser would with `Accept-Encoding: br` and
// with `gzip`, counted as sent (compressed, before decoding). Compared with a plain-HTML floor page
// (bench/fixtures/floor.html: the same customer-service questions as a bare form, no CSS, no
// script), served by the bench through the same compression code as Aspa's pages.
//
// Budget: a page of about 20 questions fits the first TCP round trip, at most 14 KiB compressed in
// at most 2 requests; the goal is 5 KiB. The favicon is listed apart: a browser asks for it once
// per site and caches it, whichever page comes first.
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressHtml } from '../src/lib/server/http/compress-html.ts';
import { freePort, startServer } from './lib/server.js';
import { table } from './lib/stats.js';

const KIB = 1024;
const BUDGET = { bytes: 14 * KIB, requests: 2 };
const GOAL = 5 * KIB;
const ENCODINGS = /** @type {const} */ (['br', 'gzip']);

/** The pages measured: the budget page first. A format-valid one-time code opens the staff survey. */
const PAGES = [
	{ name: 's/demo', path: '/s/demo?lang=fi', what: 'customer-service survey (the budget page)' },
	{ name: 'k/demo', path: '/k/demo?lang=fi', what: 'the same survey in kiosk mode' },
	{ name: 'p/demo', path: '/p/demo?lang=fi', what: 'customer-promise pulse' },
	{ name: 's/demo-staff', path: '/s/demo-staff?lang=fi&t=ABCD-EFGH-JKMN', what: 'staff survey 2018 (long)' }
];

/**
 * GET with the raw body as sent: node:http does not decode, so the byte count is the wire's.
 * @param {string} url @param {string} encoding
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, raw: Buffer }>}
 */
function get(url, encoding) {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { headers: { 'accept-encoding': encoding, accept: 'text/html,*/*', 'accept-language': 'fi' } }, (response) => {
			/** @type {Buffer[]} */
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, raw: Buffer.concat(chunks) }));
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

/** @param {Buffer} raw @param {string | undefined} encoding */
function decode(raw, encoding) {
	if (encoding === 'br') return brotliDecompressSync(raw).toString('utf8');
	if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
	return raw.toString('utf8');
}

/** @param {string} tag @param {string} name */
function attribute(tag, name) {
	return new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
}

/**
 * The subresources a browser fetches to render the page, and the icon apart.
 * @param {string} html @param {string} pageUrl
 */
export function subresources(html, pageUrl) {
	const urls = [];
	const icons = [];
	for (const [tag] of html.matchAll(/<(?:link|script|img)\b[^>]*>/gi)) {
		const rel = (attribute(tag, 'rel') ?? '').toLowerCase();
		const href = tag.toLowerCase().startsWith('<link') ? attribute(tag, 'href') : attribute(tag, 'src');
		if (!href) continue;
		const url = new URL(href.replaceAll('&amp;', '&'), pageUrl).href;
		if (tag.toLowerCase().startsWith('<link') && rel.split(/\s+/).includes('icon')) icons.push(url);
		else if (!tag.toLowerCase().startsWith('<link') || rel.split(/\s+/).includes('stylesheet')) urls.push(url);
	}
	return { urls, icons };
}

/** Items that take an answer, counted by their field names (`q.<item>[.<part>]`). @param {string} html */
export function questionCount(html) {
	return new Set([...html.matchAll(/\sname="q\.([a-z][a-z0-9_-]*)/g)].map((match) => match[1])).size;
}

/** @param {string} url @param {string} encoding */
async function measure(url, encoding) {
	const page = await get(url, encoding);
	if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}`);
	const html = decode(page.raw, page.headers['content-encoding']);
	const { urls, icons } = subresources(html, url);
	const resources = [];
	for (const resource of urls) {
		const response = await get(resource, encoding);
		if (response.status !== 200) throw new Error(`GET ${resource} answered ${response.status}`);
		resources.push({ url: new URL(resource).pathname, bytes: response.raw.length, encoding: response.headers['content-encoding'] ?? 'identity' });
	}
	let iconBytes = 0;
	for (const icon of icons) iconBytes += (await get(icon, encoding)).raw.length;
	const htmlBytes = page.raw.length;
	const total = htmlBytes + resources.reduce((sum, resource) => sum + resource.bytes, 0);
	return {
		encoding: page.headers['content-encoding'] ?? 'identity',
		htmlBytes,
		htmlUncompressed: Buffer.byteLength(html),
		resources,
		totalBytes: total,
		requests: 1 + resources.length,
		iconBytes,
		questions: questionCount(html)
	};
}

/** The floor page through Aspa's own HTML compression, on a port of its own. */
async function startFloor() {
	const floor = readFileSync(new URL('./fixtures/floor.html', import.meta.url));
	const server = http.createServer(async (request, response) => {
		const headers = new Headers();
		for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
		const compressed = await compressHtml(new Request(`http://floor${request.url}`, { headers }), new Response(floor, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
		response.writeHead(200, Object.fromEntries(compressed.headers));
		response.end(Buffer.from(await compressed.arrayBuffer()));
	});
	const port = await freePort();
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	return { url: `http://127.0.0.1:${port}/floor.html`, stop: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

/**
 * @param {{ runs: number, log: (line: string) => void }} options
 */
export async function benchPageSize({ log }) {
	/** @type {Record<string, object>} */
	const scenarios = {};
	const temp = mkdtempSync(join(tmpdir(), 'aspa-bench-pages-'));
	const floor = await startFloor();
	let server;
	try {
		log('starting Aspa on a new data directory (demo included)');
		server = await startServer({ DATABASE_URL: '', ASPA_DATA_DIR: join(temp, 'data') });
		for (const page of [...PAGES, { name: 'floor', path: '', what: 'plain HTML form, same questions (bench/fixtures/floor.html)' }]) {
			const url = page.name === 'floor' ? floor.url : server.url + page.path;
			/** @type {Record<string, object>} */
			const byEncoding = {};
			for (const encoding of ENCODINGS) {
				log(`${page.name} (${encoding})`);
				byEncoding[encoding] = await measure(url, encoding);
			}
			scenarios[page.name] = { description: page.what, path: page.path || 'bench/fixtures/floor.html', ...byEncoding };
		}
	} finally {
		await server?.stop();
		await floor.stop();
		rmSync(temp, { recursive: true, force: true });
	}
	const budgetPage = /** @type {{ br: { totalBytes: number, requests: number } }} */ (scenarios['s/demo']);
	scenarios.verdict = {
		budgetBytes: BUDGET.bytes,
		budgetRequests: BUDGET.requests,
		goalBytes: GOAL,
		withinBudget: budgetPage.br.totalBytes <= BUDGET.bytes && budgetPage.br.requests <= BUDGET.requests,
		withinGoal: budgetPage.br.totalBytes <= GOAL,
		timesFloor: budgetPage.br.totalBytes / /** @type {{ br: { totalBytes: number } }} */ (scenarios.floor).br.totalBytes
	};
	return scenarios;
}

/** @param {number} bytes */
const kib = (bytes) => `${(bytes / KIB).toFixed(2)} KiB`;

/** @param {Record<string, any>} scenarios */
export function formatPageSize(scenarios) {
	const rows = [['page', 'questions', 'HTML br', 'CSS+JS br', 'total br', 'total gzip', 'requests', 'br per question', 'HTML raw']];
	for (const [name, scenario] of Object.entries(scenarios)) {
		if (name === 'verdict') continue;
		const { br, gzip } = scenario;
		rows.push([
			name,
			String(br.questions),
			kib(br.htmlBytes),
			kib(br.totalBytes - br.htmlBytes),
			kib(br.totalBytes),
			kib(gzip.totalBytes),
			String(br.requests),
			`${Math.round(br.totalBytes / Math.max(br.questions, 1))} B`,
			kib(br.htmlUncompressed)
		]);
	}
	const verdict = scenarios.verdict;
	const subresourceLines = Object.entries(scenarios)
		.filter(([name]) => name !== 'verdict')
		.flatMap(([name, scenario]) => scenario.br.resources.map((/** @type {{ url: string, bytes: number, encoding: string }} */ r) => `  ${name}: ${r.url} ${r.bytes} B (${r.encoding})`));
	const icon = scenarios['s/demo'].br.iconBytes;
	return [
		'Respondent page size: bytes on the wire (compressed as served), HTML + every stylesheet, script and image it loads',
		table(rows),
		'Subresources:',
		...(subresourceLines.length ? subresourceLines : ['  none']),
		`Favicon (asked once per site, then cached; not counted): ${icon} B`,
		`Budget: ≤ ${kib(verdict.budgetBytes)} in ≤ ${verdict.budgetRequests} requests — s/demo ${verdict.withinBudget ? 'within' : 'OVER'}; goal ${kib(verdict.goalBytes)} — ${verdict.withinGoal ? 'met' : 'not met'}; ${verdict.timesFloor.toFixed(2)}× the plain-HTML floor (br).`
	].join('\n');
}
