/**
 * The Test button of each credential with a test, in the real, pinned n8n: the editor's request
 * (`POST /rest/credentials/test`) with each stored credential, while the simulator answers the test's
 * request with the right key, then in every wrong-key shape (401 JSON, 403 HTML page, redirect to a
 * login page, the service's own HTTP-200 refusal, a body of another service). The answer n8n gives
 * is what the editor shows the user. The matrix is shared with the in-engine suite
 * (test/credentials/matrix.ts).
 *
 *   npm run test:e2e        (KEEP_N8N_FOLDER=1 keeps the n8n user folder and its log for a look)
 */
import fs from 'node:fs';
import path from 'node:path';

import { buildAndPack, importCredentials, N8nServer, n8nInstall, prepareUserFolder } from '../../scripts/n8n-lib';
import { answersPerShape, caseCredential, CREDENTIAL_CASES, type CredentialCase } from '../credentials/matrix';
import { CREDENTIAL_TEST_OK } from '../harness/engine';
import { startSandbox, type Sandbox, type SandboxCredential } from '../sandbox';
import { WRONG_KEY_SHAPES } from '../simulators/base';

let server: N8nServer | undefined;
let sandbox: Sandbox | undefined;
let userFolder = '';
let failed = false;
const credentials = new Map<string, SandboxCredential>();

beforeAll(async () => {
	const install = n8nInstall();
	userFolder = prepareUserFolder(buildAndPack());
	sandbox = await startSandbox();
	for (const c of CREDENTIAL_CASES) credentials.set(c.type, caseCredential(sandbox, c.type));
	await importCredentials(userFolder, [...credentials.values()], install);
	server = await N8nServer.start({ userFolder, install });
	process.once('exit', () => server?.killNow());
	await server.setupOwner();
}, 20 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
	if (userFolder && (process.env.KEEP_N8N_FOLDER === '1' || failed)) {
		process.stderr.write(`n8n user folder kept: ${userFolder} (log: ${path.join(userFolder, 'n8n.log')})\n`);
	} else if (userFolder) {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}, 60_000);

/** The editor's Test button: n8n tests the stored credential with the data the dialog holds. */
async function pressTest(c: CredentialCase): Promise<{ status: string; message: string }> {
	try {
		return await server!.api('POST', '/credentials/test', { credentials: credentials.get(c.type) });
	} catch (error) {
		failed = true;
		if (error instanceof Error) error.message += `\n--- last lines of ${server!.logFile} ---\n${server!.logTail(40)}`;
		throw error;
	}
}

describe.each(CREDENTIAL_CASES.map((c) => [c.label, c] as const))('%s: the Test button in n8n', (_label, c) => {
	// Zoom's simulator keeps the OAuth2 tokens n8n holds: its log is read from this test's start on
	let seen = 0;
	const sim = () => sandbox!.get(c.sim);
	beforeEach(() => {
		seen = sim().log.length;
	});
	const probes = () => sim().log.slice(seen).filter(c.probe);

	test('the right key: "Connection successful!"', async () => {
		expect(await pressTest(c)).toEqual({ status: 'OK', message: CREDENTIAL_TEST_OK });
		expect(probes()).toHaveLength(1);
	});

	test.each([...WRONG_KEY_SHAPES])('%s: fails with a reason the user can act on', async (shape) => {
		sim().answerWrongKey(shape, { match: c.probe, times: answersPerShape(shape) });
		const answer = await pressTest(c);
		if (answer.status !== 'Error') failed = true;
		expect(answer).toEqual({ status: 'Error', message: c.expected[shape] });
		// every planned wrong answer was given (none is left for the next test)
		expect(probes()).toHaveLength(answersPerShape(shape));
	});
});
