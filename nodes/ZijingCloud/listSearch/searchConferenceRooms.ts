import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../shared/listRequest';
import { accountList } from '../shared/loadOptions';

const ACCOUNT = /[^@\s=]+@[^@\s]+/;

/**
 * "From List" of Conference Room: the rooms an account may book (`/subscribe/getmeeting`, one answer,
 * no paging). Zijing lists rooms per account: the search names the account (the node's "Account"
 * when it has one), and any other words filter the rooms by name or number.
 */
export async function searchConferenceRooms(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const typed = ACCOUNT.exec(text)?.[0];
	const fromNode = this.getCurrentNodeParameter('account');
	const account = typed ?? (typeof fromNode === 'string' && ACCOUNT.test(fromNode.trim()) ? fromNode.trim() : undefined);
	if (!account) {
		throw new NodeOperationError(this.getNode(), 'Type the account (name@domain) whose rooms to list, e.g. admin@example.com', {
			description: 'Zijing Cloud lists meeting rooms per user account; words after the account filter the rooms by name or number',
		});
	}
	const words = (typed ? text.replace(typed, '') : text).trim();
	const rooms = await accountList.call(this, account, '/subscribe/getmeeting', ['pid']);
	const results = rooms
		.filter((room) => room.sipkey !== undefined && room.sipkey !== null && String(room.sipkey) !== '')
		.filter((room) => matchesFilter(words, room.pDesc, room.sipkey))
		.map((room) => ({ name: `${String(room.pDesc ?? room.sipkey)} (${String(room.sipkey)})`, value: String(room.sipkey) }));
	return { results };
}
