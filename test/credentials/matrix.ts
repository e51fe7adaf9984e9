/**
 * The credential-test matrix, shared by the in-engine suite and the one in the real n8n: for each
 * credential with a test, which request at the service is the test's, and the message a user sees
 * for each wrong-key answer (`WRONG_KEY_SHAPES`). The right-key answer must pass.
 */
import type { Sandbox, SandboxCredential } from '../sandbox';
import type { SimRequest, WrongKeyShape } from '../simulators/base';
import type { ZoomSimulator } from '../simulators/zoom';
import { zoomOAuth2Family } from '../zoom/family';

export interface CredentialCase {
	/** what the case is called in test names */
	label: string;
	/** credential type */
	type: string;
	/** simulator file in test/simulators */
	sim: string;
	/** the request the wrong-key answer replaces */
	probe: (req: SimRequest) => boolean;
	expected: Record<WrongKeyShape, string>;
}

const redirect = (service: string) =>
	`${service} answered with a redirect (HTTP 302) instead of an API answer, usually to a login page of a proxy or single sign-on gateway: the key was not accepted there, or the URL is not the API's`;

const ZIJING_FIX = 'check the key type, the API ID and API KEY or the tenant key';
const S2S_FIX = 'check the account ID, client ID and secret';
const NO_ZOOM_TOKEN = 'Zoom did not return an access token for these Server-to-Server OAuth credentials';

function zoomUsersMe(fix: string): Record<WrongKeyShape, string> {
	return {
		json401: `Zoom refused the credential (HTTP 401); ${fix}`,
		html403: `Zoom refused the request (HTTP 403); ${fix}`,
		loginRedirect: redirect('Zoom'),
		envelope200: `Zoom rejected the access token (code 124); ${fix}`,
		foreignBody:
			'The answer is not a Zoom user (no "id" and "email"): check the environment or the custom API base URL; a proxy or login page may be in the way',
	};
}

const usersMe = (req: SimRequest) => req.method === 'GET' && req.path === '/v2/users/me';

export const CREDENTIAL_CASES: CredentialCase[] = [
	{
		label: 'Visioconference.me',
		type: 'visioconferenceApi',
		sim: 'visioconference',
		probe: (req) => req.path === '/api/v1/entreprise/visio',
		expected: {
			json401: 'The API key was rejected (HTTP 401): check the API key',
			html403: 'The API key was rejected (HTTP 403): check the API key',
			loginRedirect: redirect('Visioconference.me'),
			envelope200: 'The API key was rejected (401): check the API key',
			foreignBody:
				'The answer is not a Visioconference.me API answer (no "code" and "message"): check the API Base URL; a proxy or login page may be in the way',
		},
	},
	{
		label: 'Zijing Cloud',
		type: 'zijingCloudApi',
		sim: 'zijing',
		probe: (req) => req.path === '/meeting/getLiveRecStatus',
		expected: {
			json401: `The key was rejected (HTTP 401): ${ZIJING_FIX}`,
			html403: `The key was rejected (HTTP 403): ${ZIJING_FIX}`,
			loginRedirect: redirect('Zijing Cloud'),
			envelope200: `The key was rejected (401): ${ZIJING_FIX}`,
			foreignBody:
				'The answer is not a Zijing Cloud API answer (no "state" and "code"): check the API Server URL; a proxy or login page may be in the way',
		},
	},
	{
		label: 'Chat&Messenger',
		type: 'chatMessengerApi',
		sim: 'cam',
		probe: (req) => req.path === '/getConferenceRooms',
		expected: {
			json401: 'The API token was rejected (HTTP 401): check the API token',
			html403:
				'The API token has no API access (HTTP 403): API access needs an Enterprise or higher cloud plan, or an on-premises install',
			loginRedirect: redirect('Chat&Messenger'),
			envelope200:
				'Chat&Messenger did not answer with the conference rooms (no "conferenceRooms"): the API token was refused (an "errors" answer), or the Server URL is not a Chat&Messenger server',
			foreignBody:
				'Chat&Messenger did not answer with the conference rooms (no "conferenceRooms"): the API token was refused (an "errors" answer), or the Server URL is not a Chat&Messenger server',
		},
	},
	{
		label: 'YTX Telephony',
		type: 'ytxTelephonyApi',
		sim: 'ytx',
		probe: (req) => req.path.endsWith('/call/TeleMeeting.wx'),
		expected: {
			json401: 'YTX refused the request (HTTP 401): check the Account SID and the Auth Token',
			html403: 'YTX refused the request (HTTP 403): check the Account SID, the Auth Token and the IP whitelist',
			loginRedirect: redirect('YTX'),
			envelope200: 'YTX -203: authToken check failed; check the Auth Token',
			foreignBody:
				'The answer is not a YTX API answer (no "statusCode" and "statusMsg"): check the environment or the custom URL; a proxy or login page may be in the way',
		},
	},
	{
		label: 'Zoom OAuth2',
		type: 'zoomMeetingsOAuth2Api',
		sim: 'zoom',
		probe: usersMe,
		expected: zoomUsersMe('reconnect the credential'),
	},
	{
		label: 'Zoom Server-to-Server (GET /users/me)',
		type: 'zoomMeetingsServerToServerApi',
		sim: 'zoom',
		probe: usersMe,
		expected: zoomUsersMe(S2S_FIX),
	},
	{
		label: 'Zoom Server-to-Server (token request)',
		type: 'zoomMeetingsServerToServerApi',
		sim: 'zoom',
		probe: (req) => req.method === 'POST' && req.path === '/oauth/token',
		expected: {
			json401: `Zoom refused the credential (HTTP 401); ${S2S_FIX}`,
			html403: `Zoom refused the request (HTTP 403); ${S2S_FIX}`,
			// the credential's token request does not follow a redirect either (the secret goes with it)
			loginRedirect: redirect('Zoom'),
			envelope200: NO_ZOOM_TOKEN,
			foreignBody: NO_ZOOM_TOKEN,
		},
	},
];

/**
 * The credential of a case: the sandbox's, or for Zoom OAuth2 (no sandbox credential: it needs a
 * consent) one connected with tokens the simulator issues now.
 */
export function caseCredential(sandbox: Sandbox, type: string): SandboxCredential {
	if (type === 'zoomMeetingsOAuth2Api') {
		const { data } = zoomOAuth2Family.credential(sandbox.get<ZoomSimulator>('zoom'));
		return { id: 'matrixZoomOAuth2', name: 'Zoom OAuth2 (credential tests)', type, data };
	}
	const found = sandbox.credentials.find((c) => c.type === type);
	if (!found) throw new Error(`the sandbox has no ${type} credential`);
	return found;
}

/** n8n sends a request answered 401 once more (after refreshing the credential): both get the shape. */
export const answersPerShape = (shape: WrongKeyShape) => (shape === 'json401' ? 2 : 1);
