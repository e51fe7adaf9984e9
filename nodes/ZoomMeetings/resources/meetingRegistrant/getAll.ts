import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

const showOnlyForGetAll = { resource: ['meetingRegistrant'], operation: ['getAll'] };

export const registrantGetAllDescription: INodeProperties[] = [
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
