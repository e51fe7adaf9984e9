import type { INodeProperties } from 'n8n-workflow';

import { meetingOutput } from '../../shared/output';
import { applyAccount } from '../../shared/validation';
import { YTX_API_VERSION } from '../../shared/signing';
import { conferenceFields } from './fields';

/** Every conference operation is YTX's `createMeeting` action; `bookmeeting` and `confid` tell them apart. */
const createMeeting = (body: Record<string, string>) => ({
	request: {
		method: 'POST' as const,
		url: `=/${YTX_API_VERSION}/sid/{{$credentials.accountSid}}/call/TeleMeeting.wx`,
		body: { action: 'createMeeting', ...body },
	},
	send: { preSend: [applyAccount] },
	output: { postReceive: [meetingOutput] },
});

export const conferenceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conference'] } },
		options: [
			{
				name: 'Start Now',
				value: 'start',
				action: 'Start a phone conference now',
				description: 'Call the participants into a conference right away',
				routing: createMeeting({ bookmeeting: '0', confid: '', booktime: '' }),
			},
			{
				name: 'Book',
				value: 'book',
				action: 'Book a phone conference',
				description: 'Book a conference for a later time',
				routing: createMeeting({ bookmeeting: '1', confid: '' }),
			},
			{
				name: 'Edit Booking',
				value: 'editBooking',
				action: 'Edit a booked phone conference',
				description: 'Change the name, time or participants of a booked conference',
				routing: createMeeting({ bookmeeting: '1' }),
			},
			{
				name: 'Cancel Booking',
				value: 'cancelBooking',
				action: 'Cancel a booked phone conference',
				description: 'Cancel a booked conference',
				routing: createMeeting({ bookmeeting: '2' }),
			},
		],
		default: 'start',
	},
	...conferenceFields,
];
