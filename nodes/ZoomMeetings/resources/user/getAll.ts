import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

const showOnlyForGetAll = { resource: ['user'], operation: ['getAll'] };

export const userGetAllDescription: INodeProperties[] = [
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
				displayName: 'Role ID',
				name: 'roleId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2',
				description: 'Only users with this role',
				routing: { send: { type: 'query', property: 'role_id' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Inactive', value: 'inactive' },
					{ name: 'Pending', value: 'pending' },
				],
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];
