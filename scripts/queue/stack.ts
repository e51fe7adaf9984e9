/**
 * `npm run start:queue`: the pack in n8n queue mode on this machine, with the sandbox simulators.
 *
 *   PostgreSQL + Redis (temporary, loopback) → n8n main (editor, REST, webhooks) → 2 × n8n worker
 *   (+ `--webhook-process`: an `n8n webhook` process for production webhooks)
 *
 * The packed package is installed in the one user folder every process reads, the sandbox
 * credentials and the example workflows are imported (webhook examples activated), and the owner
 * account is set up. Everything lives in a temporary folder: Ctrl-C stops every process (each runs
 * in its own process group and is killed on exit) and removes it (`npm start` is the persistent,
 * single-instance setup).
 *
 *   npx tsx scripts/queue/stack.ts [--workers 2] [--concurrency 10] [--port 5680] [--webhook-process]
 *
 * KEEP_N8N_FOLDER=1 keeps the logs and databases after the stop.
 */
import fs from 'node:fs';
import path from 'node:path';

import { buildAndPack, DEFAULT_OWNER, exampleFiles, n8nInstall, REPO } from '../n8n-lib';
import { portIsFree, stopOnSignals } from '../processes';
import { startSandbox, type Sandbox } from '../../test/sandbox';
import { QueueStack, qlog, WORKER_NAME_VAR } from './lib';

function flag(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i < 0) return undefined;
	const next = process.argv[i + 1];
	return next && !next.startsWith('--') ? next : 'true';
}

async function main() {
	const workers = Number(flag('workers') ?? 2);
	const concurrency = Number(flag('concurrency') ?? 10);
	const wantedPort = Number(flag('port') ?? 5680);
	const webhookProcess = flag('webhook-process') === 'true';

	let stack: QueueStack | undefined;
	let sandbox: Sandbox | undefined;
	const shutdown = stopOnSignals(async (reason) => {
		process.stderr.write(`\n${reason}: stopping the queue stack…\n`);
		await stack?.stop();
		await sandbox?.stop();
	});

	const install = n8nInstall();
	const tarball = buildAndPack(path.join(REPO, '.tmp', 'queue-pack-stack'));
	sandbox = await startSandbox();
	stack = QueueStack.create({
		tarball,
		install,
		workers,
		workerConcurrency: concurrency,
		webhookProcess,
		mainPort: (await portIsFree(wantedPort)) ? wantedPort : undefined,
		credentials: sandbox.credentials,
		workflowFiles: exampleFiles(),
		exposeWorkerName: true,
	});
	try {
		await stack.boot();
	} catch (error) {
		if (shutdown.stopping) return; // Ctrl-C during the start: the cleanup stops what was started
		if (error instanceof Error) error.message += `\n(logs kept in ${stack.dir})`;
		await stack.stop({ keep: true });
		throw error;
	}
	if (shutdown.stopping) return;

	// webhook examples are activated, so their production URLs answer right away
	const activated: string[] = [];
	for (const file of exampleFiles()) {
		const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as { id?: string; name: string; nodes: Array<{ type: string }> };
		if (!workflow.id || !workflow.nodes.some((n) => n.type === 'n8n-nodes-base.webhook')) continue;
		try {
			await stack.main.activate({ id: workflow.id });
			activated.push(workflow.name);
		} catch (error) {
			qlog(`could not activate "${workflow.name}": ${(error as Error).message.slice(0, 300)}`);
		}
	}

	const lines = [
		'',
		`n8n ${install.version} in queue mode`,
		`  editor + REST     ${stack.main.editorUrl}   (login ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password})`,
		`  production hooks  ${stack.webhookBaseUrl}/webhook/<path>${webhookProcess ? '   (n8n webhook process)' : ''}`,
		...stack.workers.map((w) => `  ${w.name.padEnd(17)} pid ${w.process.pid}, --concurrency=${concurrency}, health http://127.0.0.1:${w.healthPort}/healthz`),
		`  postgres          127.0.0.1:${stack.postgres.port} (database n8n, user n8n)`,
		`  redis             127.0.0.1:${stack.redis.port}`,
		`  logs              ${stack.dir}/{main,worker-1,worker-2,…}.log`,
		'',
		'simulators:',
		...sandbox.simulators.map((s) => `  ${s.className.padEnd(32)} ${s.url}`),
		'',
		`Workflows can read the worker's name as {{ $env.${WORKER_NAME_VAR} }}.`,
		`Active webhook examples: ${activated.length ? activated.join('; ') : 'none'}`,
		'Try:',
		`  curl -X POST ${stack.webhookBaseUrl}/webhook/visioconference-room -H 'content-type: application/json' \\`,
		`       -d '{"name":"Weekly sync","participants":[{"name":"Anne","moderator":true}]}'`,
		'',
		'Ctrl-C stops everything.',
	];
	process.stdout.write(lines.join('\n') + '\n');
	qlog('running');
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
