import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';

import { listRequest, unexpectedListAnswer } from '../../shared/listRequest';
import { zijingAuthKey } from './auth';
import { describeCode, SERVICE } from './errors';
import { settings } from './transport';

/** One booking list of an account, for a drop-down or a search (sent as a run sends, envelope checked). */
export async function accountList(this: ILoadOptionsFunctions, account: string, url: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	const read = (answer: unknown) => zijingData(this, answer);
	return (await listRequest.call(this, settings, 'zijingCloudApi', { baseUrlField: 'apiServer', url, qs: { account, ...qs } }, read, (credentials) => [
		zijingAuthKey(credentials),
	])) as IDataObject[];
}

/** The `data` list of a Zijing envelope; a `state: 0` envelope is the service's error, another shape an error naming it. */
function zijingData(ctx: ILoadOptionsFunctions, answer: unknown): IDataObject[] {
	const body = answer as IDataObject;
	if (!body || typeof body !== 'object' || Number(body.state) !== 1) {
		if (!body || typeof body !== 'object' || !('state' in body)) throw unexpectedListAnswer(ctx, SERVICE, 'a Zijing envelope (state, data)', body);
		const code = typeof body.code === 'string' || typeof body.code === 'number' ? String(body.code) : undefined;
		const original = typeof body.message === 'string' ? body.message : undefined;
		const { message, description } = describeCode(code, original);
		throw new NodeApiError(ctx.getNode(), { message: original ?? '', code: code ?? null } as JsonObject, {
			message: `${SERVICE} error ${code ?? 'unknown'}: ${message}`,
			description,
		});
	}
	if (!Array.isArray(body.data)) throw unexpectedListAnswer(ctx, SERVICE, 'a list in "data"', body.data);
	return body.data as IDataObject[];
}

/** The "Account" entered in the node (name@domain), or a clear message when there is none yet. */
function nodeAccount(this: ILoadOptionsFunctions, what: string): string {
	const raw = this.getCurrentNodeParameter('account');
	const account = typeof raw === 'string' ? raw.trim() : '';
	if (!ACCOUNT.test(account)) {
		throw new NodeOperationError(this.getNode(), `Enter the "Account" (name@domain) first to list its ${what}`);
	}
	return account;
}

const ACCOUNT = /^[^@\s=]+@[^@\s]+$/;

/** "Room Name or ID" of Booking → Create: the rooms the account may book. */
export async function getBookableRooms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rooms = await accountList.call(this, nodeAccount.call(this, 'bookable rooms'), '/subscribe/getmeeting');
	return rooms
		.filter((room) => room.pid !== undefined && room.pid !== null)
		.map((room) => ({
			name: `${String(room.pDesc ?? room.pid)}${room.sipkey !== undefined ? ` (${String(room.sipkey)})` : ''}`,
			value: String(room.pid),
		}));
}

/** "Participant Names or IDs" of Booking → Create: every contact of the account's organisation. */
export async function getContacts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const contacts = await accountList.call(this, nodeAccount.call(this, 'contacts'), '/subscribe/getcontacts', { isAll: 'yes' });
	return contacts
		.filter((contact) => contact.id !== undefined && contact.id !== null)
		.map((contact) => ({ name: `${String(contact.name ?? contact.id)} (${String(contact.id)})`, value: String(contact.id) }));
}
