import type { INodeProperties } from 'n8n-workflow';

import { userLocator } from '../../shared/locators';

import { meetingSettingsField, meetingTypeOptions, recurrenceField, timezoneField } from './fields';

const showOnlyForCreate = { resource: ['meeting'], operation: ['create'] };

export const meetingCreateDescription: INodeProperties[] = [
	userLocator(showOnlyForCreate, 'Who hosts the meeting: "me" (the credential’s user) or another user’s ID or email (needs scheduling privilege)'),
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Weekly sync',
		description: 'The meeting’s title (up to 200 characters)',
		displayOptions: { show: showOnlyForCreate },
		routing: { send: { type: 'body', property: 'topic' } },
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 2,
		options: meetingTypeOptions,
		displayOptions: { show: showOnlyForCreate },
		routing: { send: { type: 'body', property: 'type' } },
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'When the meeting starts. A value with an offset (e.g. +09:00 or Z) is converted to the chosen timezone; a value without is taken as being in the chosen timezone (or the workflow’s timezone when none is chosen).',
		displayOptions: { show: { ...showOnlyForCreate, type: [2, 8] } },
		routing: { send: { type: 'body', property: 'start_time' } },
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1440 },
		default: 60,
		displayOptions: { show: { ...showOnlyForCreate, type: [2, 8] } },
		routing: { send: { type: 'body', property: 'duration' } },
	},
	{
		...timezoneField('timezone'),
		displayOptions: { show: { ...showOnlyForCreate, type: [2, 8] } },
		routing: { send: { type: 'body', property: 'timezone' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCreate },
		options: [
			{
				displayName: 'Agenda',
				name: 'agenda',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Description of the meeting (up to 2000 characters)',
				routing: { send: { type: 'body', property: 'agenda' } },
			},
			{
				displayName: 'Default Password',
				name: 'defaultPassword',
				type: 'boolean',
				default: false,
				description: 'Whether Zoom generates a password (when no password is given)',
				routing: { send: { type: 'body', property: 'default_password' } },
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
				displayName: 'Pre-Schedule',
				name: 'preSchedule',
				type: 'boolean',
				default: false,
				description: 'Whether to create a pre-scheduled meeting (for the Zoom desktop client’s schedule)',
				routing: { send: { type: 'body', property: 'pre_schedule' } },
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
				displayName: 'Template ID',
				name: 'templateId',
				type: 'string',
				default: '',
				description: 'ID of a meeting template to apply',
				routing: { send: { type: 'body', property: 'template_id' } },
			},
		],
	},
	recurrenceField(['create'], { type: [8] }),
	meetingSettingsField(['create']),
];
