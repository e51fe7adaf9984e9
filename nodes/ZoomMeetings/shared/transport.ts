import type { IExecuteFunctions } from 'n8n-workflow';

import type { ProviderSettings } from '../../shared/executor';
import { describeHttpError, SERVICE } from './errors';

/** Credential type names, by the node's "Authentication" choice. */
export const USER_APP_CREDENTIAL_TYPE = 'zoomMeetingsOAuth2Api';
export const SERVER_TO_SERVER_CREDENTIAL_TYPE = 'zoomMeetingsServerToServerApi';

/** How the executor sends this node's requests. */
export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: (ctx: IExecuteFunctions) =>
		ctx.getNodeParameter('authentication', 0, 'oAuth2') === 'serverToServerOAuth' ? SERVER_TO_SERVER_CREDENTIAL_TYPE : USER_APP_CREDENTIAL_TYPE,
	secretFields: ['clientSecret', 'accessToken'],
	// Zoom's per-second limits (Light/Medium APIs) are reached quickly: 4 in flight by default
	defaultConcurrency: 4,
	describeHttpError,
};
