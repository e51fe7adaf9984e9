import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { httpError, readHttpFailure } from '../../shared/executor';
import { SecretMask } from '../../shared/secrets';
import { zijingAuthKey } from './auth';
import { CONTACT_ID_KEY, readContact } from './contacts';
import { codeOf, readEnvelope, serviceError } from './errors';
import { checkedList } from './output';
import { settings } from './transport';

/** One booking list of the account entered in the node, for a drop-down (envelope checked). */
async function accountList(
	this: ILoadOptionsFunctions,
	url: string,
	what: string,
	keys: string[],
	qs: IDataObject = {},
): Promise<IDataObject[]> {
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
		const request = {
			method: 'GET' as const,
			baseURL,
			url,
			qs: { account, ...qs },
			json: true,
			disableFollowRedirect: true,
			returnFullResponse: true,
		};
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'zijingCloudApi', request).catch(async (error: unknown) => {
			// the same explanation as in a run: the service's code and meaning, a redirect named, no request attached
			throw httpError(this, settings, await readHttpFailure(error, request), 0, mask, { readOnly: true, url: `${baseURL}${url}` });
		})) as IN8nHttpFullResponse;
		// the same reading as in a run: the envelope decides, and the list must be there with its keys
		const envelope = readEnvelope(this, response);
		if (envelope.failed) {
			const body = envelope.body;
			throw serviceError(this, response, codeOf(body.code), typeof body.message === 'string' ? body.message : undefined);
		}
		return checkedList(this, response, envelope.body.data, keys);
	} catch (error) {
		throw error instanceof Error ? mask.error(error) : error;
	}
}

/** "Room Name or ID" of Booking → Create: the rooms the account may book. */
export async function getBookableRooms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rooms = await accountList.call(this, '/subscribe/getmeeting', 'bookable rooms', ['pid']);
	return rooms
		.filter((room) => room.pid !== undefined && room.pid !== null)
		.map((room) => ({
			name: `${String(room.pDesc ?? room.pid)}${room.sipkey !== undefined ? ` (${String(room.sipkey)})` : ''}`,
			value: String(room.pid),
		}));
}

/** "Participant Names or IDs" of Booking → Create: every contact of the account's organisation. */
export async function getContacts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const contacts = await accountList.call(this, '/subscribe/getcontacts', 'contacts', [CONTACT_ID_KEY], { isAll: 'yes' });
	return contacts.flatMap((entry) => {
		const contact = readContact(entry);
		return contact ? [{ name: `${contact.name} (${contact.id})`, value: contact.id }] : [];
	});
}
