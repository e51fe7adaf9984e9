import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions';
import { executeDeclared } from '../shared/executor';
import type { Declaration } from '../shared/routing';
import { bookingDescription } from './resources/booking';
import { liveDescription } from './resources/live';
import { meetingDescription } from './resources/meeting';
import { recordingDescription } from './resources/recording';
import { searchConferenceRooms } from './listSearch/searchConferenceRooms';
import { getBookableRooms, getContacts } from './shared/loadOptions';
import { settings } from './shared/transport';

/** The operations, declared as data: what the executor (and n8n's routing node) reads. */
const declaration: Declaration = {
	requestDefaults: {
		baseURL: '={{$credentials.apiServer}}',
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		json: true,
	},
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Booking', value: 'booking' },
				{ name: 'Live Stream', value: 'live' },
				{ name: 'Meeting', value: 'meeting' },
				{ name: 'Recording', value: 'recording' },
			],
			default: 'recording',
		},
		...recordingDescription,
		...liveDescription,
		...meetingDescription,
		...bookingDescription,
		requestOptionsProperty(settings.defaultConcurrency),
	],
};

export class ZijingCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zijing Cloud',
		name: 'zijingCloud',
		icon: { light: 'file:zijing.svg', dark: 'file:zijing.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Record meetings, read live and meeting status, and book meeting rooms in Zijing Cloud (紫荆云)',
		defaults: { name: 'Zijing Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zijingCloudApi', required: true }],
		...declaration,
	};

	methods = {
		loadOptions: { getBookableRooms, getContacts },
		listSearch: { searchConferenceRooms },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeDeclared.call(this, declaration, settings);
	}
}
