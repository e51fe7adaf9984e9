import type { INodeProperties } from 'n8n-workflow';

import { accountInQuery, conferenceKeyInBody, conferenceKeyInQuery, recordIdInBody } from './validation';

/**
 * "Conference Number": the meeting room's short number (会议室短号), sent in the body or as `addr` in the
 * query. n8n's resource locator: from the rooms an account may book (searched by account, then by
 * name or number) or by number.
 */
export function conferenceNumberField(show: Record<string, string[]>, where: 'body' | 'query'): INodeProperties {
	return {
		displayName: 'Conference Number',
		name: 'conferenceKey',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The meeting room, by its short number (会议室短号, at most 50 characters)',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Type an account (name@domain) to list its rooms...',
				typeOptions: { searchListMethod: 'searchConferenceRooms', searchable: true, searchFilterRequired: true },
			},
			{
				displayName: 'By Number',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 8000000',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\S{1,50}\\s*$', errorMessage: 'Not a conference number (no spaces, at most 50 characters)' } }],
			},
		],
		routing: {
			send: {
				preSend: [where === 'body' ? conferenceKeyInBody : conferenceKeyInQuery],
			},
		},
	};
}

/** "Recording ID": the `recordId` returned by Start / Stop Recording (or by Get Files). */
export function recordingIdField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Recording ID',
		name: 'recordId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. a1e3595d-207a-4853-ba39-c576a5761952',
		description,
		displayOptions: { show },
		routing: { send: { preSend: [recordIdInBody] } },
	};
}

/** "Account": the user account (`name@domain`) a booking list belongs to, sent as `account` in the query. */
export function accountField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Account',
		name: 'account',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. admin@example.com',
		description,
		displayOptions: { show },
		routing: { send: { preSend: [accountInQuery] } },
	};
}
