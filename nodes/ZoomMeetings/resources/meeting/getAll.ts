import type { INodeProperties } from 'n8n-workflow';

import { userLocator } from '../../shared/locators';

import { returnAllAndLimit } from '../../../shared/descriptions';

const showOnlyForGetAll = { resource: ['meeting'], operation: ['getAll'] };

export const meetingGetAllDescription: INodeProperties[] = [
	userLocator(showOnlyForGetAll, 'Whose meetings: "me" (the credential’s user) or another user’s ID or email'),
	...returnAllAndLimit(showOnlyForGetAll, 'paged'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForGetAll },
		options: [
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'scheduled',
				options: [
					{ name: 'Live', value: 'live', description: 'Meetings in progress' },
					{ name: 'Previous Meetings', value: 'previous_meetings', description: 'Meetings that took place' },
					{ name: 'Scheduled', value: 'scheduled', description: 'All valid previous, live and upcoming scheduled meetings' },
					{ name: 'Upcoming', value: 'upcoming', description: 'Upcoming meetings, including live ones' },
					{ name: 'Upcoming Meetings', value: 'upcoming_meetings', description: 'Upcoming meetings only' },
				],
				routing: { send: { type: 'query', property: 'type' } },
			},
		],
	},
];
