import type { INodeProperties } from 'n8n-workflow';

import { checkBooking } from '../../shared/validation';

const showOnlyForCreate = { resource: ['booking'], operation: ['create'] };

export const bookingCreateDescription: INodeProperties[] = [
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. admin@example.com',
		description: 'The user account (name@domain) that books the meeting',
		displayOptions: { show: showOnlyForCreate },
		routing: { send: { preSend: [checkBooking] } },
	},
	{
		displayName: 'Theme',
		name: 'theme',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Quarterly review',
		description: 'The subject of the meeting',
		displayOptions: { show: showOnlyForCreate },
	},
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-01-30 09:00',
		description:
			'When the meeting starts, as yyyy-MM-dd HH:mm or a date-time. The service’s clock is China Standard Time (Asia/Shanghai) unless the credential’s Time Zone says otherwise.',
		hint: 'A time without an offset (what the date picker gives) is sent as typed, wall-clock time in the service’s zone; a time with an offset or Z is converted to that zone',
		displayOptions: { show: showOnlyForCreate },
	},
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-01-30 10:00',
		description: 'When the meeting ends (after Start), in the same format and zone as Start',
		hint: 'A time without an offset is sent as typed (the service’s zone); a time with an offset or Z is converted to that zone',
		displayOptions: { show: showOnlyForCreate },
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
				displayName: 'Auto Open',
				name: 'autoOpen',
				type: 'boolean',
				default: false,
				description: 'Whether the meeting opens by itself at its start time (isAutoOpen)',
			},
			{
				displayName: 'Guest Password',
				name: 'guestPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				placeholder: 'e.g. 888888',
				description: 'The password guests enter to join (svisitorPwd); empty means no guest password',
			},
			{
				displayName: 'Host Password',
				name: 'hostPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				placeholder: 'e.g. 99999',
				description: 'The password the host enters to join as host (shostPwd); empty lets the service choose',
			},
			{
				displayName: 'Introduction',
				name: 'introduction',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'A description of the meeting',
			},
			{
				displayName: 'Participant Names or IDs',
				name: 'participantIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getContacts', loadOptionsDependsOn: ['account'] },
				default: [],
				description:
					'People to invite (their user IDs, as listed by Get Contacts). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Room Name or ID',
				name: 'roomId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBookableRooms', loadOptionsDependsOn: ['account'] },
				default: '',
				description:
					'The room to book (its pid); none lets the service pick a free one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];
