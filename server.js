// Production entry: serves the built app (build/) with adapter-node's handler.
//
// The request origin (for SvelteKit's CSRF check and absolute URLs) comes from ORIGIN when set;
// otherwise from the Host header over plain http, which is what a pilot on a laptop or behind a
// TLS proxy that sets ORIGIN needs. Our own headers carry it to the handler, and any copy of them
// sent by a client is overwritten, so the origin cannot be spoofed.
import http from 'node:http';

const PROTO = 'x-aspa-origin-proto';
const HOST = 'x-aspa-origin-host';
process.env.PROTOCOL_HEADER = PROTO;
process.env.HOST_HEADER = HOST;
// Uploads (a whole country's library directory, response imports) outgrow adapter-node's 512 kB
// default; the pages check their own, smaller limits.
process.env.BODY_SIZE_LIMIT ??= '25M';

const origin = process.env.ORIGIN ? new URL(process.env.ORIGIN) : null;
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';

// Importing the handler runs the app's init hook: database open, migrations, demo on first start.
let handler;
try {
	({ handler } = await import('./build/handler.js'));
} catch (error) {
	// Expected start-up failures (configuration, an unmigrated PostgreSQL schema, a data directory in
	// use by another process) explain themselves: print that sentence, not a stack trace.
	if (error?.name === 'AppError' || error?.constructor?.name === 'ConfigError') {
		process.stderr.write(`Aspa could not start${error.code ? ` (${error.code})` : ''}: ${error.message}\n`);
		process.exit(1);
	}
	throw error;
}

const server = http.createServer((req, res) => {
	req.headers[PROTO] = origin ? origin.protocol.slice(0, -1) : 'http';
	req.headers[HOST] = origin ? origin.host : (req.headers.host ?? `localhost:${port}`);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end();
	});
});

server.listen(port, hostname, () => {
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	process.stdout.write(`Aspa is listening on ${origin ? origin.href : `http://localhost:${actualPort}/`}\n`);
});

let stopping = false;
function stop(signal) {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		// SvelteKit's shutdown event lets the app close its database cleanly.
		process.emit('sveltekit:shutdown', signal);
		setTimeout(() => process.exit(0), 200).unref();
	});
	server.closeAllConnections();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
