import type { INodeProperties } from 'n8n-workflow';

import { userLocator } from '../../shared/locators';

import { returnAllAndLimit } from '../../../shared/descriptions';

const showOnlyForGetAll = { resource: ['recording'], operation: ['getAll'] };

export const recordingGetAllDescription: INodeProperties[] = [
	userLocator(showOnlyForGetAll, 'Whose cloud recordings: "me" (the credential’s user) or another user’s ID or email'),
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'First day of the range (its calendar date is used)',
		displayOptions: { show: showOnlyForGetAll },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Last day of the range (its calendar date is used; Zoom reads dates in UTC). Zoom takes at most one month per request: longer ranges are split into monthly requests.',
		displayOptions: { show: showOnlyForGetAll },
	},
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
				displayName: 'In Trash',
				name: 'trash',
				type: 'boolean',
				default: false,
				description:
					'Whether to list the recordings in the trash instead. Zoom does not filter the trash by date: the whole trash is read and the recordings that started within From–To are kept.',
				routing: { send: { type: 'query', property: 'trash' } },
			},
		],
	},
];
