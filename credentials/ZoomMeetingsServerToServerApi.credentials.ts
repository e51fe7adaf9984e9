import { createHash } from 'node:crypto';

import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { zoomCredentialTest } from '../nodes/ZoomMeetings/shared/credentialTest';
import { zoomEnvironmentProperties } from '../nodes/ZoomMeetings/shared/environment';

import { headerFromCredential } from '../nodes/shared/auth';

export function oauthBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') return String(credentials.customOAuthBaseUrl ?? '').replace(/\/+$/, '');
	return credentials.environment === 'zoomGov' ? 'https://zoomgov.com' : 'https://zoom.us';
}

/**
 * Token requests in flight, shared by the items of a run that all find the token missing or expired
 * at the same moment: one token call instead of one per item. Keyed by a hash of the app's
 * credentials; an entry lives only while its request is in flight.
 */
const inFlight = new Map<string, Promise<IDataObject>>();

/** The app-token grants: Server-to-Server apps (`account_credentials`), General apps (`client_credentials`). */
export type AppTokenGrant = 'account_credentials' | 'client_credentials';

async function requestToken(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, grant: AppTokenGrant): Promise<IDataObject> {
	const accountId = String(credentials.accountId ?? '').trim();
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '').trim();
	const response = (await this.helpers.httpRequest({
		method: 'POST',
		url: `${oauthBaseUrl(credentials)}/oauth/token`,
		qs: grant === 'account_credentials' ? { grant_type: grant, account_id: accountId } : { grant_type: grant },
		headers: {
			Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: '',
		json: true,
		// the app's client secret goes with this request: never to the address of a redirect
		disableFollowRedirect: true,
	})) as IDataObject;
	if (typeof response?.access_token !== 'string' || response.access_token === '') {
		const kind = grant === 'account_credentials' ? 'Server-to-Server OAuth credentials' : 'client credentials';
		throw new Error(`Zoom did not return an access token for these ${kind}`);
	}
	return { accessToken: response.access_token };
}

/** A credential's `preAuthentication`: the app's own token, one request for all the items waiting for it. */
export function appTokenPreAuthentication(grant: AppTokenGrant) {
	return async function (this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const key = createHash('sha256')
			.update([grant, oauthBaseUrl(credentials), credentials.accountId, credentials.clientId, credentials.clientSecret].join('\u0000'))
			.digest('hex');
		let pending = inFlight.get(key);
		if (!pending) {
			pending = requestToken.call(this, credentials, grant).finally(() => inFlight.delete(key));
			inFlight.set(key, pending);
		}
		return await pending;
	};
}

/** The app's client ID and secret, the environment, and the hidden field the token is kept in. */
export function appTokenProperties(clientIdDescription: string): INodeProperties[] {
	return [
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true, description: clientIdDescription },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		...zoomEnvironmentProperties('Where /oauth/token lives'),
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];
}

/**
 * Zoom Server-to-Server OAuth: the account's own app gets a one-hour token with
 * `grant_type=account_credentials`. The token is kept in the hidden `accessToken` field and reused
 * until Zoom rejects it (401), then fetched again once.
 */
export class ZoomMeetingsServerToServerApi implements ICredentialType {
	name = 'zoomMeetingsServerToServerApi';

	displayName = 'Zoom Meetings Server-to-Server OAuth API';

	icon: Icon = {
		light: 'file:../nodes/ZoomMeetings/zoom.svg',
		dark: 'file:../nodes/ZoomMeetings/zoom.dark.svg',
	};

	documentationUrl = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

	properties: INodeProperties[] = [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown on the Server-to-Server OAuth app’s "App Credentials" page',
		},
		...appTokenProperties('Shown on the Server-to-Server OAuth app’s "App Credentials" page'),
	];

	preAuthentication = appTokenPreAuthentication('account_credentials');

	authenticate = headerFromCredential('Authorization', 'accessToken', 'Bearer ');

	// Creates nothing: reads the token's user; only a Zoom user passes (see zoomCredentialTest).
	test: ICredentialTestRequest = zoomCredentialTest('check the account ID, client ID and secret');
}
