import type { INodeProperties } from 'n8n-workflow';

import { checkRoomName } from '../../shared/validation';

const showOnlyForRoomCreate = {
	resource: ['room'],
	operation: ['create'],
};

export const roomCreateDescription: INodeProperties[] = [
	{
		displayName: 'Room Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Weekly sync',
		description: 'Name of the video room; leading and trailing spaces are removed',
		displayOptions: { show: showOnlyForRoomCreate },
		routing: {
			send: {
				type: 'body',
				property: 'name',
				preSend: [checkRoomName],
			},
		},
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForRoomCreate },
		options: [
			{
				displayName: 'Participants',
				name: 'participants',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Participant',
				default: {},
				description: 'People to make a named join link for (output as participantLinks)',
				options: [
					{
						displayName: 'Participant',
						name: 'participant',
						values: [
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								placeholder: 'e.g. Anne Dupont',
								description: 'Shown in the room; pre-filled through the link',
							},
							{
								displayName: 'Moderator',
								name: 'moderator',
								type: 'boolean',
								default: false,
								description: 'Whether the link joins this person as a moderator',
							},
						],
					},
				],
			},
			{
				displayName: 'Include Full Response',
				name: 'fullResponse',
				type: 'boolean',
				default: false,
				description: 'Whether to output the whole answer (code, data, message) instead of the room alone',
			},
		],
	},
];
