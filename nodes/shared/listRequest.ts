import {
	assertUrlAllowed,
	getCredentialAllowedDomains,
	NodeApiError,
	NodeOperationError,
	toHostname,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS, httpError, readHttpFailure } from './http';
import type { ProviderSettings } from './executor';
import { SecretMask } from './secrets';

/** What a list call of a drop-down or a "From List" search sends: a GET under the credential's base URL. */
export interface ListRequest {
	/** the credential field that holds the service's address */
	baseUrlField: string;
	url: string;
	qs?: IDataObject;
	/** the service's own method where a list call is not a GET (Chat&Messenger's conference rooms) */
	method?: IHttpRequestOptions['method'];
}

/**
 * Sends one list call for the editor (drop-downs, resource locators' "From List") with the same
 * safety as a run: the credential's domain restriction is checked before sending (the base URL being
 * the credential's own), a redirect is an error and is not followed, the answer waits at most the
 * default timeout, and a failure is explained as in a run (the service's code and meaning, the
 * redirect named) with every secret of the credential masked, even when an answer echoes the request.
 * `read` checks and unwraps the answer; `extraSecrets` are values made from the credential (a signed key) that must be masked too.
 */
export async function listRequest<T>(
	this: ILoadOptionsFunctions,
	settings: ProviderSettings,
	credentialType: string,
	request: ListRequest,
	/** reads the answer (envelope, shape; the whole response for its status and content type): what it throws is masked too, as an answer may echo the request */
	read: (body: unknown, response: IN8nHttpFullResponse) => T,
	extraSecrets: (credentials: ICredentialDataDecryptedObject) => unknown[] = () => [],
): Promise<T> {
	const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	const tokens = credentials.oauthTokenData as IDataObject | undefined;
	const mask = new SecretMask()
		.watch(credentials, settings.secretFields)
		.add(...extraSecrets(credentials), tokens?.access_token, tokens?.refresh_token);
	const baseURL = String(credentials[request.baseUrlField] ?? '').replace(/\/+$/, '');
	const url = `${baseURL}${request.url}`;
	try {
		const allowedDomains =
			typeof getCredentialAllowedDomains === 'function'
				? getCredentialAllowedDomains({
						node: this.getNode(),
						credentialData: credentials,
						credentialOwnedSurface: toHostname(baseURL) !== undefined,
						nodeEndpointUrl: baseURL,
					})
				: undefined;
		if (allowedDomains) {
			try {
				assertUrlAllowed({ url, allowedDomains, node: this.getNode() });
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `${settings.service}: ${(error as Error).message} (nothing was sent)`);
			}
		}
		const options: IHttpRequestOptions = {
			method: request.method ?? 'GET',
			baseURL,
			url: request.url,
			qs: request.qs ?? {},
			// n8n parses the answer and asks for JSON (Accept: application/json)
			json: true,
			returnFullResponse: true,
			// checked above; a redirect would be the only way to another host
			disableFollowRedirect: true,
			timeout: DEFAULT_TIMEOUT_MS,
		};
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options).catch(async (error: unknown) => {
			throw httpError(this, settings, await readHttpFailure(error, options), 0, mask, { readOnly: options.method === 'GET', url });
		})) as IN8nHttpFullResponse;
		return read(response.body, response);
	} catch (error) {
		throw error instanceof Error ? mask.error(error) : error;
	}
}

/**
 * An answer to a list call whose shape is not the documented one: the error names what arrived (its
 * type and top-level keys) and what was expected, never an empty list.
 */
export function unexpectedListAnswer(ctx: ILoadOptionsFunctions, service: string, expected: string, body: unknown): NodeApiError {
	const arrived =
		body === null || body === undefined || body === ''
			? 'an empty answer'
			: Array.isArray(body)
				? `a list of ${body.length}`
				: typeof body === 'object'
					? `an object with the keys ${Object.keys(body as IDataObject).slice(0, 10).join(', ') || '(none)'}`
					: /^\s*</.test(String(body))
						? 'an HTML page'
						: `a text of ${String(body).length} characters`;
	return new NodeApiError(ctx.getNode(), { message: `unexpected answer: ${arrived}` } as JsonObject, {
		message: `${service}: the list answer is not ${expected}: got ${arrived}`,
		description: 'Check the credential’s base URL: it must be the service’s API address',
	});
}

/** Whether a listed entry matches the search text (case-insensitive, in any of the given fields). */
export function matchesFilter(filter: string | undefined, ...fields: unknown[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (!wanted) return true;
	return fields.some((field) => field !== undefined && field !== null && String(field).toLowerCase().includes(wanted));
}
