/** The set-up most Zijing Cloud suites share: the simulator, n8n's engine, the tenant-key credential "zijing". */
import { createEngine } from '../harness/engine';
import { ZijingSimulator } from '../simulators/zijing';

/**
 * Starts a Zijing Cloud simulator for the suite (reset before each test) and an engine holding the
 * credential "zijing" (tenant key, the simulator's public key); `more` adds the suite's other credentials.
 */
export function zijingSuite(more?: (engine: ReturnType<typeof createEngine>, sim: ZijingSimulator) => void) {
	const sim = new ZijingSimulator();
	const engine = createEngine();
	beforeAll(async () => {
		await sim.start();
		engine.store.add('zijing', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
		more?.(engine, sim);
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.reset());
	return { sim, engine };
}
