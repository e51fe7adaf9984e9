/**
 * The Test button of each credential, run in n8n's engine as n8n 2.40's credential tester runs it:
 * the right key passes, and every wrong-key answer (a 401 JSON, a 403 HTML page, a redirect to a
 * login page, the service's own refusal with HTTP 200, a body of another service) fails with the
 * message the user sees. The same matrix runs in the real n8n (test/e2e/credentialTests.e2e.ts).
 */
import { CREDENTIAL_TEST_OK } from '../harness/engine';
import { WRONG_KEY_SHAPES } from '../simulators/base';
import { answersPerShape, caseCredential, CREDENTIAL_CASES, type CredentialCase } from './matrix';
import { credentialSuite } from './suite';

const suite = credentialSuite();

async function runTest(c: CredentialCase) {
	const credential = caseCredential(suite.sandbox, c.type);
	suite.engine.store.add(credential.id, credential.type, credential.data as never, credential.name);
	return await suite.engine.testCredential(credential.id);
}

describe.each(CREDENTIAL_CASES.map((c) => [c.label, c] as const))('%s', (_label, c) => {
	test('the right key passes, and the test request reached the service', async () => {
		const sim = suite.sandbox.get(c.sim);
		expect(await runTest(c)).toEqual({ status: 'OK', message: CREDENTIAL_TEST_OK });
		expect(sim.log.filter(c.probe)).toHaveLength(1);
	});

	test.each([...WRONG_KEY_SHAPES])('%s fails with a readable reason', async (shape) => {
		const sim = suite.sandbox.get(c.sim);
		sim.answerWrongKey(shape, { match: c.probe, times: answersPerShape(shape) });
		expect(await runTest(c)).toEqual({ status: 'Error', message: c.expected[shape] });
		// every planned wrong answer was given: none is left for another request
		expect(sim.log.filter(c.probe)).toHaveLength(answersPerShape(shape));
		// no redirect was followed (the login page would have answered 200)
		expect(sim.requests('GET', '/login')).toHaveLength(0);
	});
});
