import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../shared/listRequest';
import { zoomListPage } from './transport';

/** One page of the credential's user's meetings of a `type`, filtered here by topic or ID (Zoom's list has no search). */
async function meetingsPage(this: ILoadOptionsFunctions, type: string, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { entries, nextToken } = await zoomListPage.call(this, '/users/me/meetings', 'meetings', paginationToken, { type });
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

/** "From List" of Meeting: the scheduled meetings of the credential's user, a page at a time (Zoom's `next_page_token`). */
export async function searchMeetings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await meetingsPage.call(this, 'scheduled', filter, paginationToken);
}

/** "From List" of a cloud recording's meeting: the credential's user's past meetings, a page at a time. */
export async function searchPreviousMeetings(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await meetingsPage.call(this, 'previous_meetings', filter, paginationToken);
}
