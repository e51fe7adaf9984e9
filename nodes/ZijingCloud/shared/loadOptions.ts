import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { listRequest } from '../../shared/listRequest';
import { zijingAuthKey } from './auth';
import { CONTACT_ID_KEY, readContact } from './contacts';
import { codeOf, readEnvelope, serviceError } from './errors';
import { checkedList } from './output';
import { settings } from './transport';

/** One booking list of an account, for a drop-down or a search: sent as a run sends, read as a run reads (envelope, then the list with its keys). */
export async function accountList(
	this: ILoadOptionsFunctions,
	account: string,
	url: string,
	keys: string[],
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	return (await listRequest.call(
		this,
		settings,
		'zijingCloudApi',
		{ baseUrlField: 'apiServer', url, qs: { account, ...qs } },
		(_body, response) => {
			const envelope = readEnvelope(this, response);
			if (envelope.failed) {
				const body = envelope.body;
				throw serviceError(this, response, codeOf(body.code), typeof body.message === 'string' ? body.message : undefined);
			}
			return checkedList(this, response, envelope.body.data, keys);
		},
		(credentials) => [zijingAuthKey(credentials)],
	)) as IDataObject[];
}

/** The "Account" entered in the node (name@domain), or a clear message when there is none yet. */
function nodeAccount(this: ILoadOptionsFunctions, what: string): string {
	const raw = this.getCurrentNodeParameter('account');
	const account = String(raw).trim();
	if (!ACCOUNT.test(account)) {
		throw new NodeOperationError(this.getNode(), `Enter the "Account" (name@domain) first to list its ${what}`);
	}
	return account;
}

const ACCOUNT = /^[^@\s=]+@[^@\s]+$/;

/** "Room Name or ID" of Booking → Create: the rooms the account may book. */
export async function getBookableRooms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rooms = await accountList.call(this, nodeAccount.call(this, 'bookable rooms'), '/subscribe/getmeeting', ['pid']);
	return rooms
		// every entry has the key (checked above); JSON gives no undefined, but a null pid is no room to book
		.filter((room) => room.pid !== null)
		.map((room) => ({
			name: `${String(room.pDesc ?? room.pid)}${room.sipkey !== undefined ? ` (${String(room.sipkey)})` : ''}`,
			value: String(room.pid),
		}));
}

/** "Participant Names or IDs" of Booking → Create: every contact of the account's organisation. */
export async function getContacts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const contacts = await accountList.call(this, nodeAccount.call(this, 'contacts'), '/subscribe/getcontacts', [CONTACT_ID_KEY], { isAll: 'yes' });
	return contacts.flatMap((entry) => {
		const contact = readContact(entry);
		return contact ? [{ name: `${contact.name} (${contact.id})`, value: contact.id }] : [];
	});
}
