import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

import { camRequest } from '../../shared/methods';
import { conferenceRoomsOutput, reservationsOutput } from '../../shared/output';
import { conferenceRoomGetReservationsDescription, reservationsForm } from './getReservations';
import { masterForm } from './list';

export const conferenceRoomDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conferenceRoom'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many conference rooms',
				description: 'List the registered conference rooms (getConferenceRooms)',
				routing: {
					request: camRequest('getConferenceRooms'),
					output: { postReceive: [conferenceRoomsOutput] },
				},
			},
			{
				name: 'Get Master Data',
				value: 'getMaster',
				action: 'Get the conference room master list',
				description: 'Get the master list of conference rooms (getConferenceMaster; unverified mapping)',
				routing: {
					request: camRequest('getConferenceMaster'),
					send: { preSend: [masterForm] },
					output: { postReceive: [conferenceRoomsOutput] },
				},
			},
			{
				name: 'Get Reservations',
				value: 'getReservations',
				action: 'Get conference room reservations',
				description: 'Get the reservations of every conference room for a month or a day (getConferenceRoomStatus; unverified mapping)',
				routing: {
					request: camRequest('getConferenceRoomStatus'),
					send: { preSend: [reservationsForm] },
					output: { postReceive: [reservationsOutput] },
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit({ resource: ['conferenceRoom'], operation: ['getAll'] }, 'whole'),
	...returnAllAndLimit({ resource: ['conferenceRoom'], operation: ['getMaster'] }, 'whole'),
	...conferenceRoomGetReservationsDescription,
];
