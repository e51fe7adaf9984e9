import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../shared/listRequest';
import { zoomListPage } from './transport';

/**
 * "From List" of Meeting: the scheduled meetings of the credential's user, a page at a time
 * (Zoom's `next_page_token`). Zoom's list has no search: the page is filtered here by topic or ID.
 */
export async function searchMeetings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { entries, nextToken } = await zoomListPage.call(this, '/users/me/meetings', 'meetings', paginationToken);
	const results = entries
		.filter((meeting) => meeting.id !== undefined && meeting.id !== null)
		.filter((meeting) => matchesFilter(filter, meeting.topic, meeting.id))
		.map((meeting) => ({
			name: `${String(meeting.topic ?? meeting.id)}${meeting.start_time ? ` (${String(meeting.start_time)})` : ''}`,
			value: String(meeting.id),
			url: typeof meeting.join_url === 'string' ? meeting.join_url : undefined,
		}));
	return { results, paginationToken: nextToken };
}
