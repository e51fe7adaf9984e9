import type { INodeProperties } from 'n8n-workflow';

const showOnlyForGetAll = { resource: ['meetingRegistrant'], operation: ['getAll'] };

export const registrantGetAllDescription: INodeProperties[] = [
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
				displayName: 'Occurrence ID',
				name: 'occurrenceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1726365600000',
				routing: { send: { type: 'query', property: 'occurrence_id' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'approved',
				options: [
					{ name: 'Approved', value: 'approved' },
					{ name: 'Denied', value: 'denied' },
					{ name: 'Pending', value: 'pending' },
				],
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];
