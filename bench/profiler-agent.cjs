/**
 * Loaded into the n8n server by bench/profile.ts (NODE_OPTIONS=--require): Node's own inspector
 * session of that process (node:inspector), offered on a loopback port as `POST {method, params}`
 * → `{result}` or HTTP 500 `{error}`. No DevTools connection from outside: the profile is taken
 * inside the process it measures. A process that cannot take the port (n8n's task runner inherits
 * the option) goes on without it.
 */
'use strict';
const http = require('node:http');
const inspector = require('node:inspector');

const port = Number(process.env.N8N_BENCH_PROFILER_PORT);
if (port) {
	const session = new inspector.Session();
	session.connect();
	const post = (method, params) =>
		new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
	const server = http.createServer(async (req, res) => {
		let body = '';
		for await (const chunk of req) body += chunk;
		try {
			const { method, params } = JSON.parse(body);
			const result = await post(method, params);
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ result }));
		} catch (error) {
			res.statusCode = 500;
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
		}
	});
	server.on('error', () => undefined);
	server.listen(port, '127.0.0.1');
	server.unref();
}
