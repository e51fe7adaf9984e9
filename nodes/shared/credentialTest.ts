import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
} from 'n8n-workflow';

/**
 * Building blocks for the `rules` of a credential's `test`, as n8n's credential tester reads them:
 * - a non-2xx answer fails the test; a `responseCode` rule gives that failure a readable message;
 * - a 2xx answer passes unless a `responseSuccessBody` rule matches: the value at `key` (a lodash
 *   path) equals `value`. `value: undefined` matches when the key is missing: an HTML page, an empty
 *   body or a JSON answer of another service fails.
 * Rules are checked in order: required keys first, then the codes that mean "rejected".
 */
export type CredentialTestRule = IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody;

const REDIRECTS = [301, 302, 303, 307, 308];

/** Every HTTP status but `allowed`, for `ignoreHttpStatusErrors: { ignore: true, except }`. */
export function allStatusesBut(...allowed: number[]): number[] {
	return Array.from({ length: 500 }, (_, i) => i + 100).filter((status) => !allowed.includes(status));
}

/** Readable messages for HTTP statuses, and for every redirect (the test request does not follow them). */
export function statusRules(service: string, messages: Record<number, string>): IAuthenticateRuleResponseCode[] {
	return [
		...Object.entries(messages).map(([status, message]) => ({
			type: 'responseCode' as const,
			properties: { value: Number(status), message },
		})),
		...REDIRECTS.map((status) => ({
			type: 'responseCode' as const,
			properties: {
				value: status,
				message: `${service} answered with a redirect (HTTP ${status}) instead of an API answer, usually to a login page of a proxy or single sign-on gateway: the key was not accepted there, or the URL is not the API's`,
			},
		})),
	];
}

/** The answer must carry each of these keys (a missing key fails the test with `message`). */
export function requiredKeys(keys: string[], message: string): IAuthenticateRuleResponseSuccessBody[] {
	return keys.map((key) => ({ type: 'responseSuccessBody', properties: { key, value: undefined, message } }));
}

/** Codes at `key` that mean the key was rejected; each matches as a string and as a number. */
export function rejectedCodes(key: string, codes: Record<string, string>): IAuthenticateRuleResponseSuccessBody[] {
	return Object.entries(codes).flatMap(([code, message]) =>
		[code, Number(code)].map((value) => ({ type: 'responseSuccessBody' as const, properties: { key, value, message } })),
	);
}

/** n8n's type wants one kind of rule per array; its tester reads a mixed list (responseCode on errors, the rest on 2xx). */
export function testRules(...groups: CredentialTestRule[][]): ICredentialTestRequest['rules'] {
	return groups.flat() as ICredentialTestRequest['rules'];
}
