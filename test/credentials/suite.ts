import { createEngine, type Engine } from '../harness/engine';
import { startSandbox, type Sandbox } from '../sandbox';

/**
 * The set-up of the credential suites: every simulator for the suite (reset before each test) and a
 * fresh engine for each test, read as `suite.sandbox` and `suite.engine` inside the tests.
 */
export function credentialSuite(): { sandbox: Sandbox; engine: Engine } {
	const suite = {} as { sandbox: Sandbox; engine: Engine };
	beforeAll(async () => {
		suite.sandbox = await startSandbox();
	});
	afterAll(async () => await suite.sandbox.stop());
	beforeEach(() => {
		for (const s of suite.sandbox.simulators) s.sim.reset();
		suite.engine = createEngine();
	});
	return suite;
}
