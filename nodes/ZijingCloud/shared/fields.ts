import type { INodeProperties } from 'n8n-workflow';

import { accountInQuery, conferenceKeyInBody, conferenceKeyInQuery, recordIdInBody } from './validation';

/** "Conference Number": the meeting room's short number, sent in the body or as `addr` in the query. */
export function conferenceNumberField(show: Record<string, string[]>, where: 'body' | 'query'): INodeProperties {
	return {
		displayName: 'Conference Number',
		name: 'conferenceKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 8000000',
		description: 'The meeting room’s short number (会议室短号), at most 50 characters',
		displayOptions: { show },
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
