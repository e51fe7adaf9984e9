import type { ProviderSettings } from '../../shared/executor';
import { describeHttpError, SERVICE } from './errors';

// the routing's path, without the base URL
const READ_ONLY_POSTS = ['/meeting/getRecords', '/meeting/getLiveRecStatus'];

/** How the executor sends this node's requests. */
export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => 'zijingCloudApi',
	secretFields: ['apiKey', 'tenantAuthKey'],
	defaultConcurrency: 5,
	// status and recording lists are POSTs that only read
	readOnly: (options) => options.method === 'GET' || READ_ONLY_POSTS.includes(String(options.url)),
	describeHttpError,
};
