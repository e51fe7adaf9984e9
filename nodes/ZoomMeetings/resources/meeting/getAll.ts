import type { INodeProperties } from 'n8n-workflow';

const showOnlyForGetAll = { resource: ['meeting'], operation: ['getAll'] };

export const meetingGetAllDescription: INodeProperties[] = [
	{
		displayName: 'User',
		name: 'userId',
		type: 'string',
		default: 'me',
		required: true,
		placeholder: 'e.g. me or anna@example.com',
		description: 'Whose meetings: "me" (the credential’s user) or another user’s ID or email',
		displayOptions: { show: showOnlyForGetAll },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: showOnlyForGetAll },
		routing: { send: { paginate: true } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showOnlyForGetAll, returnAll: [false] } },
	},
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
