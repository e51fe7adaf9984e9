import type { ProviderSettings } from '../../shared/executor';
import { describeHttpError, SERVICE } from './errors';

/** How the executor sends this node's requests. */
export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => 'zijingCloudApi',
	secretFields: ['apiKey', 'tenantAuthKey'],
	defaultConcurrency: 5,
	// status and recording lists are POSTs that only read
	readOnly: (options) => options.method === 'GET' || /\/meeting\/(getRecords|getLiveRecStatus)$/.test(String(options.url)),
	describeHttpError,
};
