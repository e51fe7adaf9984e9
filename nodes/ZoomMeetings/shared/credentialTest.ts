import type { ICredentialTestRequest } from 'n8n-workflow';

import { rejectedCodes, requiredKeys, statusRules, testRules } from '../../shared/credentialTest';

/**
 * The test of a Zoom credential: reads the token's user (`GET /users/me`, creates nothing). Only an
 * answer that is a Zoom user (with `id` and `email`) passes. A 401 comes after n8n's one renewal of
 * the token; other HTTP errors, a redirect (the request does not follow it), Zoom's error body
 * `{code, message}` with HTTP 200 and any other page fail. `fix` tells the user what to check.
 */
export function zoomCredentialTest(fix: string): ICredentialTestRequest {
	return {
		request: {
			baseURL: '={{$credentials.apiBaseUrl}}',
			url: '/users/me',
			method: 'GET',
			json: true,
			disableFollowRedirect: true,
		},
		rules: testRules(
			statusRules('Zoom', {
				401: `Zoom refused the credential (HTTP 401); ${fix}`,
				403: `Zoom refused the request (HTTP 403); ${fix}`,
				404: 'No Zoom API at this API base URL (HTTP 404): check the environment or the custom API base URL',
			}),
			rejectedCodes('code', {
				124: `Zoom rejected the access token (code 124); ${fix}`,
				401: `Zoom rejected the access token (401); ${fix}`,
				403: `Zoom refused the request (403); ${fix}`,
			}),
			requiredKeys(
				['id', 'email'],
				'The answer is not a Zoom user (no "id" and "email"): check the environment or the custom API base URL; a proxy or login page may be in the way',
			),
		),
	};
}
