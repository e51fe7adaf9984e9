/**
 * The `statusCode` values YTX answers with (HTTP 200 envelopes), with an English explanation for each.
 * `-2` and `-205` come from the API document; the others from the code table of a public client.
 */
export const YTX_STATUS_CODES: Record<string, string> = {
	'-1': 'invalid number (for example a display number that is not configured for the account)',
	'-2': 'a required parameter is missing',
	'-3': 'invalid action',
	'-4': 'the request body is not valid JSON',
	'-100': 'server exception at YTX',
	'-101': 'invalid parameter',
	'-102': 'invalid phone number',
	'-104': 'request rate too high: the request was not processed; lower "Max Concurrent Requests" or run the item again later',
	'-200': 'no such user: check the Account SID of the credential',
	'-201': 'the account status is invalid (suspended or not activated)',
	'-202': 'header authorization error: the Authorization header or its timestamp was refused (check the server clock)',
	'-203': 'authToken check failed: check the Auth Token of the credential',
	'-204': 'insufficient balance',
	'-205':
		'application check failed: the app ID does not match the environment (sandbox app IDs only work on sandbox.ytx.net, your own apps only on api.ytx.net once online), the server IP is not on the app’s whitelist, or the app lacks the conference feature',
};

/** Codes that say the credential itself was refused (used by the credential test). */
export const YTX_CREDENTIAL_REJECTED = ['-200', '-201', '-202', '-203', '-205'];

export function explainStatusCode(code: string): string {
	return YTX_STATUS_CODES[code] ?? 'unknown error code';
}
