import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, compressHtml } from './compress-html.ts';

const page = `<!doctype html><html><body>${'<p>Vastaa kysymykseen.</p>'.repeat(200)}</body></html>`;

function html(body = page, headers: Record<string, string> = {}): Response {
	return new Response(body, { headers: { 'content-type': 'text/html', etag: '"abc"', ...headers } });
}

describe('chooseEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeUndefined();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding(null)).toBeUndefined();
	});
});

describe('compressHtml', () => {
	it('sends brotli that decodes to the page, with a weak etag and Vary', async () => {
		const response = await compressHtml(new Request('http://x/', { headers: { 'accept-encoding': 'gzip, br' } }), html());
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toContain('accept-encoding');
		expect(response.headers.get('etag')).toBe('W/"abc"');
		const body = Buffer.from(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(body.length);
		expect(body.length).toBeLessThan(page.length / 10);
		expect(brotliDecompressSync(body).toString()).toBe(page);
	});

	it('sends gzip to a client without brotli', async () => {
		const response = await compressHtml(new Request('http://x/', { headers: { 'accept-encoding': 'gzip' } }), html());
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(page);
	});

	it('leaves other types, small pages, encoded bodies and clients without an encoding alone', async () => {
		const request = new Request('http://x/', { headers: { 'accept-encoding': 'br' } });
		const json = new Response(JSON.stringify({ page }), { headers: { 'content-type': 'application/json' } });
		expect((await compressHtml(request, json)).headers.get('content-encoding')).toBeNull();
		expect((await compressHtml(request, html('<p>small</p>'))).headers.get('content-encoding')).toBeNull();
		expect((await compressHtml(request, html(page, { 'content-encoding': 'gzip' }))).headers.get('content-encoding')).toBe('gzip');
		const plain = await compressHtml(new Request('http://x/'), html());
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(page);
	});
});
