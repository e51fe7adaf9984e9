import type { INodeProperties } from 'n8n-workflow';

import { meetingIdField, occurrenceIdOption } from './get';

export const meetingDeleteDescription: INodeProperties[] = [
	meetingIdField(['delete']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['meeting'], operation: ['delete'] } },
		options: [
			{
				displayName: 'Cancel Meeting Reminder',
				name: 'cancelMeetingReminder',
				type: 'boolean',
				default: false,
				description: 'Whether to email registrants and alternative hosts about the cancellation',
				routing: { send: { type: 'query', property: 'cancel_meeting_reminder' } },
			},
			occurrenceIdOption,
			{
				displayName: 'Schedule For Reminder',
				name: 'scheduleForReminder',
				type: 'boolean',
				default: false,
				description: 'Whether to email the host and alternative hosts about the cancellation',
				routing: { send: { type: 'query', property: 'schedule_for_reminder' } },
			},
		],
	},
];
