import {
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
} from 'n8n-workflow';

import { inputError, show as shown } from '../../../shared/errors';
import { camForm } from '../../shared/methods';
import { toCamDate } from '../../shared/time';

const show = { resource: ['conferenceRoom'], operation: ['getReservations'] };

export const conferenceRoomGetReservationsDescription: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		default: 'month',
		options: [
			{ name: 'Month', value: 'month', description: 'Every reservation of one month (yyyyMM)' },
			{ name: 'Day', value: 'day', description: 'The reservations of one day (yyyyMMdd)' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Month',
		name: 'month',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2019-08',
		description: 'The month, as 2019-08, 201908 or any date in it',
		displayOptions: { show: { ...show, period: ['month'] } },
	},
	{
		displayName: 'Day',
		name: 'day',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2019-08-01',
		description: 'The day (its date in the workflow’s time zone is used)',
		displayOptions: { show: { ...show, period: ['day'] } },
	},
	{
		displayName: 'Conference Room',
		name: 'conferenceRoom',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'Only this room’s reservations; empty = every room',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Every room (or select one)...',
				typeOptions: { searchListMethod: 'searchConferenceRooms', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. room-a',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\S*\\s*$', errorMessage: 'Not a conference room ID (no spaces)' } }],
			},
		],
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'rooms',
		options: [
			{ name: 'One Item per Room', value: 'rooms', description: 'Each conference room with its reservedSchedules' },
			{ name: 'One Item per Reservation', value: 'reservations', description: 'Each reservation, with its room’s ID and name' },
		],
		displayOptions: { show },
	},
];

/** preSend of Get Reservations: `message={"yyyyMMdd": "201908"}` (unverified mapping). */
export async function reservationsForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const itemIndex = this.getItemIndex();
	const period = this.getNodeParameter('period') as 'month' | 'day';
	const field = period === 'month' ? 'Month' : 'Day';
	const raw = this.getNodeParameter(period, '');
	const date = toCamDate(raw, period, this.getTimezone());
	if (!date) {
		throw inputError(
			this,
			`"${field}" must be a ${period === 'month' ? 'month like 2019-08' : 'date like 2019-08-01'}, got ${shown(raw, { max: 100 })}`,
			itemIndex,
		);
	}
	request.body = camForm('getConferenceRoomStatus', { yyyyMMdd: date });
	return request;
}

