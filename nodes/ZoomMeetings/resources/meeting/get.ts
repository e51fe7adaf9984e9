import type { INodeProperties } from 'n8n-workflow';

import { meetingLocator } from '../../shared/locators';

export const meetingIdField = (operations: string[]): INodeProperties => meetingLocator({ resource: ['meeting'], operation: operations });

export const occurrenceIdOption: INodeProperties = {
	displayName: 'Occurrence ID',
	name: 'occurrenceId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1726365600000',
	description: 'For a recurring meeting: the occurrence to act on',
	routing: { send: { type: 'query', property: 'occurrence_id' } },
};

export const meetingGetDescription: INodeProperties[] = [
	meetingIdField(['get']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['meeting'], operation: ['get'] } },
		options: [
			occurrenceIdOption,
			{
				displayName: 'Show Previous Occurrences',
				name: 'showPreviousOccurrences',
				type: 'boolean',
				default: false,
				description: 'Whether to include past occurrences of a recurring meeting',
				routing: { send: { type: 'query', property: 'show_previous_occurrences' } },
			},
		],
	},
];
