import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../shared/listRequest';
import { zoomListPage } from './transport';

const ME: INodeListSearchItems = { name: 'Me (the Credential’s User)', value: 'me' };

/**
 * "From List" of User: "Me", then the account's active users, a page at a time (Zoom's
 * `next_page_token`; listing needs the `user:read:admin` scope). The page is filtered here by name or email.
 */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { entries, nextToken } = await zoomListPage.call(this, '/users', 'users', paginationToken);
	const users = entries
		.filter((user) => typeof user.id === 'string' && user.id)
		.filter((user) => matchesFilter(filter, `${String(user.first_name ?? '')} ${String(user.last_name ?? '')}`, user.email, user.id))
		.map((user) => {
			const name = `${String(user.first_name ?? '')} ${String(user.last_name ?? '')}`.trim();
			return { name: name ? `${name} (${String(user.email ?? user.id)})` : String(user.email ?? user.id), value: String(user.id) };
		});
	const me = !paginationToken && matchesFilter(filter, 'me', ME.name) ? [ME] : [];
	return { results: [...me, ...users], paginationToken: nextToken };
}
