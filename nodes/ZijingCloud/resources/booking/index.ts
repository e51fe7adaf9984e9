import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

import { accountField } from '../../shared/fields';
import { paginateContacts } from '../../shared/paging';
import { CONTACT_ID_KEY } from '../../shared/contacts';
import { bookingData, cancelOutput, listData } from '../../shared/output';
import { bookingIdInBody } from '../../shared/validation';
import { bookingCreateDescription } from './create';

const forBooking = (operation: string[]) => ({ resource: ['booking'], operation });

export const bookingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['booking'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a booking',
				description: 'Cancel a booked meeting by its booking ID',
				routing: {
					request: { method: 'POST', url: '/subscribe/cancelmeet' },
					output: { postReceive: [cancelOutput] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Book a meeting',
				description: 'Book a meeting room for a time slot, with participants and passwords',
				routing: {
					request: { method: 'POST', url: '/subscribe/createmeet' },
					output: { postReceive: [bookingData] },
				},
			},
			{
				name: 'Get Bookable Rooms',
				value: 'getRooms',
				action: 'Get the rooms an account can book',
				description: 'List the meeting rooms an account may book (room ID, short number, PINs, capacity)',
				routing: {
					request: { method: 'GET', url: '/subscribe/getmeeting' },
					output: { postReceive: [listData(['pid'])] },
				},
			},
			{
				name: 'Get Contacts',
				value: 'getContacts',
				action: 'Get the contacts of an account',
				description: 'List the people of the account’s organisation, whose IDs are the participants of a booking',
				routing: {
					request: { method: 'GET', url: '/subscribe/getcontacts' },
					output: { postReceive: [listData([CONTACT_ID_KEY])] },
					operations: { pagination: paginateContacts },
				},
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get the booked meetings of an account',
				description: 'List the meetings an account has booked',
				routing: {
					request: { method: 'GET', url: '/subscribe/getsubmeetings' },
					output: { postReceive: [listData(['id'])] },
				},
			},
		],
		default: 'create',
	},
	{
		displayName: 'Booking ID',
		name: 'bookingId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1429',
		description: 'The booking’s ID, as output by Create or Get Many',
		displayOptions: { show: forBooking(['cancel']) },
		routing: { send: { preSend: [bookingIdInBody] } },
	},
	accountField(forBooking(['getRooms']), 'The user account (name@domain) whose bookable rooms to list'),
	accountField(forBooking(['getContacts']), 'The user account (name@domain) whose organisation’s contacts to list'),
	accountField(forBooking(['getMany']), 'The user account (name@domain) whose booked meetings to list'),
	...returnAllAndLimit(forBooking(['getContacts']), 'paged'),
	...returnAllAndLimit(forBooking(['getRooms']), 'whole'),
	...returnAllAndLimit(forBooking(['getMany']), 'whole'),
	...bookingCreateDescription,
];
