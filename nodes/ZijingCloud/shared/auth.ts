import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** How the `auth` header value is obtained (credential field "Key Type"). */
export type ZijingKeyType = 'apiIdAndKey' | 'tenantKey';

/**
 * The value sent as the `auth` header on every Zijing Cloud call.
 *
 * - "Tenant Key" (dedicated / private-cloud deployments, or a public-cloud key you already have):
 *   the key is sent exactly as entered, e.g. `800`.
 * - "API ID + API KEY" (public cloud): the API documents only that the key "is built from the
 *   tenant's API ID and API KEY", not how. ASSUMPTION (unverified): `<API ID>:<API KEY>`, the form
 *   seen in use. This function is the only place that knows the formula; if Zijing gives you a
 *   ready key, use "Tenant Key" instead.
 */
export function zijingAuthKey(credentials: ICredentialDataDecryptedObject): string {
	if ((credentials.keyType as ZijingKeyType) === 'tenantKey') {
		return String(credentials.tenantAuthKey ?? '').trim();
	}
	const apiId = String(credentials.apiId ?? '').trim();
	const apiKey = String(credentials.apiKey ?? '').trim();
	if (!apiId || !apiKey) return '';
	return `${apiId}:${apiKey}`;
}
