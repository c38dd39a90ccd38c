// The floor for stored responses per second: the least a server must do to store a submission as
// Aspa stores it — plain node:http and pg, one transaction with the response row (on conflict on
// submission_id do nothing) and its answer and open-text rows. No framework, no validation, no
// instrument. POST /api/v1/collectors/demo/responses takes the API's JSON; GET /s/demo serves a
// plain HTML form of the customer survey with a fresh submission id, and POST /s/demo takes it
// back form-encoded. Run as its own process, like the app: `node floor-server.js`.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { freePort } from './server.js';

const self = new URL(import.meta.url).pathname;

/** Starts the floor server on a free port against `databaseUrl`; stopped by its process id. */
export async function startFloorServer(/** @type {string} */ databaseUrl) {
	const port = await freePort();
	const child = spawn(process.execPath, [self], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
		child.stdout.once('data', resolve);
	});
	return {
		url: `http://127.0.0.1:${port}`,
		pid: /** @type {number} */ (child.pid),
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
	};
}

async function serve() {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
	const { rows } = await pool.query(
		`select c.id as collector_id, c.study_id, c.library_id, c.channel, r.id as round_id, r.instrument_version_id
		 from collector c join study_round r on r.study_id = c.study_id
		 where c.mode = 'survey' and c.slug = 'demo' and r.opens_at <= now() and r.closes_at > now()`
	);
	const target = rows[0];
	if (!target) throw new Error('The floor needs the demo collector /s/demo with an open round.');

	/** @param {Record<string, unknown>} answers */
	function rowsOf(answers) {
		const answerRows = [];
		const textRows = [];
		for (const [name, value] of Object.entries(answers)) {
			const [, itemId, part = ''] = /^q\.([^.]+)(?:\.(.+))?$/.exec(name) ?? [];
			if (!itemId) continue;
			for (const entry of Array.isArray(value) ? value : [value]) {
				const text = String(entry);
				if (itemId === 'develop') textRows.push([itemId, part, text]);
				else if (text === 'na') answerRows.push([itemId, part, null, null, true]);
				else if (/^\d+$/.test(text)) answerRows.push([itemId, part, null, Number(text), false]);
				else answerRows.push([itemId, Array.isArray(value) ? text : part, text, null, false]);
			}
		}
		return { answerRows, textRows };
	}

	/** @param {unknown[][]} rows @param {number} width @param {number} offset */
	const placeholders = (rows, width, offset) =>
		rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${offset + r * width + c + 1}`).join(', ')})`).join(', ');

	const server = http.createServer((req, res) => {
		if (req.method === 'GET') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache' });
			res.end(formPage(randomUUID()));
			return;
		}
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', async () => {
			try {
				const { submissionId, language, answers } = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? fromForm(body) : JSON.parse(body);
				const { answerRows, textRows } = rowsOf(answers ?? {});
				const client = await pool.connect();
				try {
					await client.query('begin');
					const inserted = await client.query(
						`insert into response (submission_id, study_id, round_id, library_id, collector_id, channel, language, instrument_version_id, submitted_at, age_band, education, life_situation, segments)
						 values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11, $12) on conflict (submission_id) do nothing returning id`,
						[submissionId, target.study_id, target.round_id, target.library_id, target.collector_id, target.channel, language ?? 'fi', target.instrument_version_id,
							answers['q.age_band'] ?? null, answers['q.education'] ?? null, answers['q.life_situation'] ?? null, JSON.stringify({})]
					);
					const id = inserted.rows[0]?.id;
					if (id !== undefined && answerRows.length) {
						await client.query(
							`insert into answer (response_id, item_id, facet, option_code, number_value, is_na) values ${placeholders(answerRows, 6, 0)}`,
							answerRows.flatMap((row) => [id, ...row])
						);
					}
					if (id !== undefined && textRows.length) {
						await client.query(`insert into answer_text (response_id, item_id, facet, text) values ${placeholders(textRows, 4, 0)}`, textRows.flatMap((row) => [id, ...row]));
					}
					await client.query('commit');
					res.writeHead(id === undefined ? 200 : 201, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ responseId: id, submissionId }));
				} catch (error) {
					await client.query('rollback');
					throw error;
				} finally {
					client.release();
				}
			} catch (error) {
				res.writeHead(500);
				res.end(String(error));
			}
		});
	});
	server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
	process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}

const statements = ['friendliness', 'courtesy', 'positivity', 'approachability', 'expertise', 'proactivity', 'digital_services', 'future_use'];
const choices = {
	age_band: ['under-15', '15-29', '30-44', '45-64', '65-plus'],
	education: ['none_yet', 'basic', 'upper_secondary', 'higher'],
	life_situation: ['pupil', 'student', 'working', 'family', 'job_seeker', 'senior', 'other_situation']
};

/** A plain HTML form with the customer survey's fields: the floor page of the page+submit case. */
function formPage(/** @type {string} */ submissionId) {
	const radios = (/** @type {string} */ name, /** @type {string[]} */ values) =>
		`<fieldset><legend>${name}</legend>${values.map((value) => `<label><input type="radio" name="q.${name}" value="${value}"> ${value}</label>`).join('')}</fieldset>`;
	return `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Asiakaspalvelukysely</title></head><body><main><h1>Asiakaspalvelukysely</h1>
<form method="post" action="/s/demo"><input type="hidden" name="submissionId" value="${submissionId}">
${statements.map((id) => radios(id, ['1', '2', '3', '4', '5', 'na'])).join('\n')}
${Object.entries(choices).map(([id, values]) => radios(id, values)).join('\n')}
<label>Kehitettävää <textarea name="q.develop"></textarea></label><button>Lähetä</button></form></main></body></html>`;
}

/** A form-encoded body as the JSON the API takes. */
function fromForm(/** @type {string} */ body) {
	const form = new URLSearchParams(body);
	/** @type {Record<string, string | string[]>} */
	const answers = {};
	for (const name of new Set(form.keys())) {
		if (!name.startsWith('q.')) continue;
		const values = form.getAll(name);
		answers[name] = values.length === 1 ? values[0] : values;
	}
	return { submissionId: form.get('submissionId'), language: form.get('lang') ?? 'fi', answers };
}

if (process.argv[1] === self) await serve();
