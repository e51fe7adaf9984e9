import type { INodeProperties } from 'n8n-workflow';

import { meetingSettingsField, meetingTypeOptions, recurrenceField, timezoneField } from './fields';
import { meetingIdField, occurrenceIdOption } from './get';

export const meetingUpdateDescription: INodeProperties[] = [
	meetingIdField(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['meeting'], operation: ['update'] } },
		options: [
			{
				displayName: 'Agenda',
				name: 'agenda',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				routing: { send: { type: 'body', property: 'agenda' } },
			},
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: 60,
				routing: { send: { type: 'body', property: 'duration' } },
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Passcode to join: up to 10 characters, letters, digits, @ - _ *',
				routing: { send: { type: 'body', property: 'password' } },
			},
			{
				displayName: 'Schedule For',
				name: 'scheduleFor',
				type: 'string',
				default: '',
				placeholder: 'e.g. anna@example.com',
				description: 'Email or ID of the user to schedule the meeting for',
				routing: { send: { type: 'body', property: 'schedule_for' } },
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'New start; with Timezone it is sent as local time in that zone, otherwise as UTC',
				routing: { send: { type: 'body', property: 'start_time' } },
			},
			{
				...timezoneField('timezone'),
				routing: { send: { type: 'body', property: 'timezone' } },
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'topic' } },
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 2,
				options: meetingTypeOptions,
				routing: { send: { type: 'body', property: 'type' } },
			},
		],
	},
	recurrenceField(['update']),
	meetingSettingsField(['update']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['meeting'], operation: ['update'] } },
		options: [occurrenceIdOption],
	},
];
