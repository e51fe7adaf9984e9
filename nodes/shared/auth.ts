import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * A credential `authenticate` function that sets one header from one credential field.
 *
 * Same effect as n8n's generic declaration (`headers: { 'X-Token': '={{$credentials.apiKey}}' }`),
 * but n8n 2.x evaluates such an expression in its expression sandbox for every request (what that
 * costs per item is in docs/benchmarks.md).
 */
export function headerFromCredential(header: string, field: string, prefix = '') {
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...(requestOptions.headers ?? {}), [header]: `${prefix}${String(credentials[field] ?? '')}` },
	});
}
