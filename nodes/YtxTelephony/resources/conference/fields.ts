import type { INodeProperties } from 'n8n-workflow';

import {
	buildParties,
	checkBookingTime,
	checkCreator,
	checkMeetingId,
	checkMeetingName,
	checkOptionalBookingTime,
	checkOptions,
} from '../../shared/validation';

const ALL = ['start', 'book', 'editBooking', 'cancelBooking'];
const show = (operation: string[]) => ({ show: { resource: ['conference'], operation } });

/** The fields of the conference operations; each one's preSend checks it and puts it into the body. */
export const conferenceFields: INodeProperties[] = [
	{
		displayName: 'Meeting ID',
		name: 'meetingId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 002',
		description: 'The meetingId returned when the conference was booked',
		displayOptions: show(['editBooking', 'cancelBooking']),
		routing: { send: { preSend: [checkMeetingId] } },
	},
	{
		displayName: 'Meeting Name',
		name: 'meetingName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Weekly sync',
		description: 'Name of the conference room',
		displayOptions: show(ALL),
		routing: { send: { preSend: [checkMeetingName] } },
	},
	{
		displayName: 'Creator Phone',
		name: 'creator',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 13800138000',
		description:
			'Phone number of the person who starts the conference: a mobile number, a landline with area code, or a landline with ",extension"',
		displayOptions: show(ALL),
		routing: { send: { preSend: [checkCreator] } },
	},
	{
		displayName: 'Booking Time',
		name: 'bookingTime',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-12-01 14:30',
		description:
			'When the conference starts, in China Standard Time (UTC+8) as yyyy-MM-dd HH:mm. An ISO 8601 time with an offset (e.g. 2026-12-01T06:30:00Z, or {{ $now.plus(1, "day") }}) is converted to China time. Must be in the future.',
		displayOptions: show(['book', 'editBooking']),
		routing: { send: { preSend: [checkBookingTime] } },
	},
	{
		displayName: 'Booking Time',
		name: 'bookingTime',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-12-01 14:30',
		description: 'The booked start time (China Standard Time, yyyy-MM-dd HH:mm), if known; sent empty otherwise',
		displayOptions: show(['cancelBooking']),
		routing: { send: { preSend: [checkOptionalBookingTime] } },
	},
	{
		displayName: 'Participants Input',
		name: 'participantsInput',
		type: 'options',
		default: 'list',
		description: 'How the participants are given',
		options: [
			{ name: 'Define Below', value: 'list', description: 'Enter each participant’s name and phone' },
			{
				name: 'From JSON or Expression',
				value: 'json',
				description: 'An array of {"name", "phone"} objects, e.g. from a previous node',
			},
		],
		displayOptions: show(ALL),
		routing: { send: { preSend: [buildParties] } },
	},
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Participant',
		default: {},
		description: 'The people YTX calls into the conference (at least one)',
		displayOptions: { show: { resource: ['conference'], operation: ALL, participantsInput: ['list'] } },
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
						placeholder: 'e.g. Zhang San',
						description: 'Shown in the conference; the phone number is used when empty',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: 'e.g. 13800138000 or 01053889900,1234',
						description: 'A mobile number, a landline with area code, or a landline with ",extension"',
					},
				],
			},
		],
	},
	{
		displayName: 'Participants (JSON)',
		name: 'participantsJson',
		type: 'json',
		default: '[\n  {\n    "name": "",\n    "phone": ""\n  }\n]',
		required: true,
		description: 'An array of objects with "name" and "phone", typed here or returned by an expression',
		hint: 'E.g. {{ $json.participants }}. A landline may carry an extension after a comma: "01053889900,1234".',
		displayOptions: { show: { resource: ['conference'], operation: ALL, participantsInput: ['json'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(ALL),
		routing: { send: { preSend: [checkOptions] } },
		options: [
			{
				displayName: 'Custom Parameter',
				name: 'customParameter',
				type: 'string',
				default: '',
				placeholder: 'e.g. order-2026-0042',
				description: 'Your own reference (e.g. an order number), returned by YTX in its status callback (CustomParm)',
			},
			{
				displayName: 'Display Number',
				name: 'displayNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 01053189900',
				description: 'The number participants see as caller ID; must be configured for your account. Empty: the account’s default.',
			},
			{
				displayName: 'Include Full Response',
				name: 'fullResponse',
				type: 'boolean',
				default: false,
				description: 'Whether to output YTX’s whole answer (statusCode, statusMsg, requestId) instead of the meeting',
			},
		],
	},
];
