/**
 * `npm start`: this pack inside the real, pinned n8n, ready to click through.
 *
 *  1. installs n8n once (cached: scripts/ensure-n8n.sh), builds + packs this package and installs the
 *     tarball into the n8n user folder's community-package folder (every start: the current code);
 *  2. sandbox mode (default): starts every provider simulator on fixed loopback ports and imports
 *     credentials pointing at them ("… (sandbox)", replaced on every start);
 *  3. imports the example workflows that were not imported before (so your edits stay);
 *  4. starts n8n, sets up the owner login, prints the editor URL.
 * Ctrl-C, SIGTERM, SIGHUP (to npm, to this process or to its process group, with or without a
 * terminal) or the end of the npm process stop n8n, its task runner and the sandbox
 * (scripts/processes.ts). `npm start` runs this file with `exec node --import tsx`, so npm's shell
 * is not left in between and npm's SIGINT/SIGTERM forwarding reaches it.
 *
 * Options (after `npm start --`):
 *   --no-sandbox   no simulators, no sandbox credentials: create credentials for the real services
 *   --reset        start over with an empty n8n user folder
 *   --port <n>     n8n's port (default 5678, or a free one when 5678 is taken)
 *   --free-ports   n8n and the simulators on free ports (next to another `npm start`)
 * The user folder is .tmp/n8n-home (N8N_HOME_DIR to change it).
 */
import fs from 'node:fs';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../test/sandbox';
import {
	buildAndPack,
	DEFAULT_OWNER,
	exampleFiles,
	importCredentials,
	importWorkflows,
	log,
	N8nServer,
	n8nInstall,
	prepareUserFolder,
	REPO,
} from './n8n-lib';
import { freePort, portIsFree, stopOnSignals } from './processes';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};

async function main() {
	const sandboxMode = !flag('--no-sandbox');
	const home = path.resolve(process.env.N8N_HOME_DIR ?? path.join(REPO, '.tmp', 'n8n-home'));

	let newExamples = 0;
	let sandbox: Sandbox | undefined;
	let server: N8nServer | undefined;
	const shutdown = stopOnSignals(async (reason) => {
		process.stderr.write(`\n${reason}: stopping n8n and the sandbox…\n`);
		await server?.stop();
		await sandbox?.stop();
	});

	if (flag('--reset')) fs.rmSync(home, { recursive: true, force: true });
	const install = n8nInstall();
	const tarball = buildAndPack();
	fs.mkdirSync(home, { recursive: true });
	prepareUserFolder(tarball, home);

	try {
		if (sandboxMode) {
			sandbox = await startSandbox({ fixedPorts: !flag('--free-ports') });
			await importCredentials(home, sandbox.credentials, install);
		}
		// examples not imported yet (all on the first start, new ones later; your edits stay)
		const record = path.join(home, 'imported-examples.json');
		const imported = new Set<string>(fs.existsSync(record) ? (JSON.parse(fs.readFileSync(record, 'utf8')) as string[]) : []);
		const fresh = exampleFiles().filter((f) => !imported.has(path.basename(f)));
		if (fresh.length) {
			await importWorkflows(home, fresh, install);
			for (const f of fresh) imported.add(path.basename(f));
			fs.writeFileSync(record, JSON.stringify([...imported].sort(), null, 2));
			newExamples = fresh.length;
		}

		const wanted = Number(option('--port') ?? process.env.N8N_PORT ?? 5678);
		const port = !flag('--free-ports') && (await portIsFree(wanted)) ? wanted : await freePort();
		if (port !== wanted && !flag('--free-ports')) log(`port ${wanted} is taken; using ${port}`);
		server = await N8nServer.start({ userFolder: home, install, port, logFile: path.join(home, 'n8n.log') });
		await server.setupOwner(DEFAULT_OWNER);
	} catch (error) {
		if (shutdown.stopping) return; // stopped while starting: the cleanup is under way
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		shutdown.stop('start failed', 1);
		return;
	}
	if (shutdown.stopping) return;

	const lines = [
		'',
		`n8n ${install.version} is running with ${path.basename(tarball, '.tgz')} installed as a community package`,
		'',
		`  editor      ${server.editorUrl}`,
		`  login       ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`,
		`  examples    ${exampleFiles().length} workflows in examples/ (Overview → Workflows), ${newExamples} imported now`,
		`  n8n log     ${server.logFile}`,
		`  user folder ${home} (npm start -- --reset starts over)`,
	];
	if (sandbox) {
		lines.push('', '  sandbox (simulated services on loopback; credentials "… (sandbox)" point at them):');
		for (const s of sandbox.simulators) lines.push(`    ${s.className.padEnd(28)} ${s.url}`);
		lines.push('', '  Real services: create a new credential of the node in n8n with your real keys and pick it in');
		lines.push('  the node (or start with `npm start -- --no-sandbox`). See docs/real-n8n.md.');
	} else {
		lines.push('', '  no sandbox: create credentials for the real services in n8n (Overview → Credentials).');
	}
	lines.push('', 'Ctrl-C stops n8n and the sandbox.', '');
	process.stdout.write(lines.join('\n'));
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? String(error)}\n`);
	process.exit(1); // every child process is killed on exit
});
