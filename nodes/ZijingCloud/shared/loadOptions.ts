import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';

import { httpError, readHttpFailure } from '../../shared/executor';
import { SecretMask } from '../../shared/secrets';
import { zijingAuthKey } from './auth';
import { describeCode, SERVICE } from './errors';
import { settings } from './transport';

/** One booking list of the account entered in the node, for a drop-down (envelope checked). */
async function accountList(this: ILoadOptionsFunctions, url: string, what: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	const raw = this.getCurrentNodeParameter('account');
	const account = typeof raw === 'string' ? raw.trim() : '';
	if (!/^[^@\s=]+@[^@\s]+$/.test(account)) {
		throw new NodeOperationError(this.getNode(), `Enter the "Account" (name@domain) first to list its ${what}`);
	}
	const credentials = await this.getCredentials('zijingCloudApi');
	// the list's errors reach the editor: no key in them, even when an answer echoes the request
	const mask = new SecretMask().watch(credentials, settings.secretFields).add(zijingAuthKey(credentials));
	try {
		const baseURL = String(credentials.apiServer ?? '').replace(/\/+$/, '');
		const request = { method: 'GET' as const, baseURL, url, qs: { account, ...qs }, json: true, disableFollowRedirect: true };
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'zijingCloudApi', request).catch(async (error: unknown) => {
			// the same explanation as in a run: the service's code and meaning, a redirect named, no request attached
			throw httpError(this, settings, await readHttpFailure(error, request), 0, mask, { readOnly: true, url: `${baseURL}${url}` });
		})) as IDataObject;
		if (!body || typeof body !== 'object' || Number(body.state) !== 1) {
			const code = body && (typeof body.code === 'string' || typeof body.code === 'number') ? String(body.code) : undefined;
			const original = body && typeof body.message === 'string' ? body.message : undefined;
			const { message, description } = describeCode(code, original);
			throw new NodeApiError(this.getNode(), { message: original ?? '', code: code ?? null } as JsonObject, {
				message: `${SERVICE} error ${code ?? 'unknown'}: ${message}`,
				description,
			});
		}
		return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	} catch (error) {
		throw error instanceof Error ? mask.error(error) : error;
	}
}

/** "Room Name or ID" of Booking → Create: the rooms the account may book. */
export async function getBookableRooms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rooms = await accountList.call(this, '/subscribe/getmeeting', 'bookable rooms');
	return rooms
		.filter((room) => room.pid !== undefined && room.pid !== null)
		.map((room) => ({
			name: `${String(room.pDesc ?? room.pid)}${room.sipkey !== undefined ? ` (${String(room.sipkey)})` : ''}`,
			value: String(room.pid),
		}));
}

/** "Participant Names or IDs" of Booking → Create: every contact of the account's organisation. */
export async function getContacts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const contacts = await accountList.call(this, '/subscribe/getcontacts', 'contacts', { isAll: 'yes' });
	return contacts
		.filter((contact) => contact.id !== undefined && contact.id !== null)
		.map((contact) => ({ name: `${String(contact.name ?? contact.id)} (${String(contact.id)})`, value: String(contact.id) }));
}
