import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions';
import { executeDeclared, perItemOperation } from '../shared/executor';
import type { Declaration } from '../shared/routing';
import { meetingDescription } from './resources/meeting';
import { meetingRegistrantDescription } from './resources/meetingRegistrant';
import { recordingDescription } from './resources/recording';
import { userDescription } from './resources/user';
import { searchMeetings, searchPreviousMeetings } from './listSearch/searchMeetings';
import { searchUsers } from './listSearch/searchUsers';
import { downloadRecording } from './shared/recording';
import { USER_APP_CREDENTIAL_TYPE, SERVER_TO_SERVER_CREDENTIAL_TYPE, settings } from './shared/transport';

/** The operations, declared as data: what the executor (and n8n's routing node) reads. */
const declaration: Declaration = {
	requestDefaults: {
		baseURL: '={{$credentials.apiBaseUrl}}',
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		json: true,
	},
	properties: [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'OAuth2', value: 'oAuth2', description: 'A Zoom OAuth app (General app), connected by a user' },
				{
					name: 'Server-to-Server OAuth',
					value: 'serverToServerOAuth',
					description: 'An account-level Server-to-Server OAuth app (account ID, client ID and secret)',
				},
			],
			default: 'oAuth2',
		},
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Cloud Recording', value: 'recording' },
				{ name: 'Meeting', value: 'meeting' },
				{ name: 'Meeting Registrant', value: 'meetingRegistrant' },
				{ name: 'User', value: 'user' },
			],
			default: 'meeting',
		},
		...meetingDescription,
		...meetingRegistrantDescription,
		...recordingDescription,
		...userDescription,
		requestOptionsProperty(settings.defaultConcurrency),
	],
};

async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
	const zones = supported ? supported('timeZone') : ['UTC'];
	return [{ name: 'Default (User’s Timezone, Start Time in UTC)', value: '' }, ...zones.map((zone) => ({ name: zone, value: zone }))];
}

export class ZoomMeetings implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Meetings',
		name: 'zoomMeetings',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and manage Zoom meetings, registrants, cloud recordings and users',
		defaults: { name: 'Zoom Meetings' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: USER_APP_CREDENTIAL_TYPE,
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: SERVER_TO_SERVER_CREDENTIAL_TYPE,
				required: true,
				displayOptions: { show: { authentication: ['serverToServerOAuth'] } },
			},
		],
		...declaration,
	};

	methods = {
		loadOptions: { getTimezones },
		listSearch: { searchMeetings, searchPreviousMeetings, searchUsers },
	};

	customOperations = {
		recording: {
			download: perItemOperation(settings, downloadRecording),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeDeclared.call(this, declaration, settings);
	}
}
