import type { ProviderSettings } from '../../shared/executor';
import { describeHttpError, SERVICE } from './errors';

/** How the executor sends this node's requests. */
export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => 'visioconferenceApi',
	secretFields: ['apiKey'],
	defaultConcurrency: 5,
	describeHttpError,
};
