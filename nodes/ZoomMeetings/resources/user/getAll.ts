import type { INodeProperties } from 'n8n-workflow';

const showOnlyForGetAll = { resource: ['user'], operation: ['getAll'] };

export const userGetAllDescription: INodeProperties[] = [
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
