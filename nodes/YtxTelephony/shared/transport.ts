import type { ProviderSettings } from '../../shared/executor';
import { describeHttpError, SERVICE } from './errors';
import { signedValues } from './signing';

export const CREDENTIAL_TYPE = 'ytxTelephonyApi';

/** How the executor sends this node's requests. */
export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => CREDENTIAL_TYPE,
	secretFields: ['authToken'],
	requestSecrets: signedValues,
	// YTX answers -104 (rate too high) to bursts: two requests in flight by default.
	defaultConcurrency: 2,
	describeHttpError,
};
