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
import { chatRoomDescription } from './resources/chatRoom';
import { conferenceRoomDescription } from './resources/conferenceRoom';
import { messageDescription } from './resources/message';
import { sendMany } from './resources/message/sendMany';
import { quickCallDescription } from './resources/quickCall';
import { settings } from './shared/transport';
import { searchConferenceRooms } from './listSearch/searchConferenceRooms';

/** The operations, declared as data: what the executor (and n8n's routing node) reads. */
const declaration: Declaration = {
	requestDefaults: {
		baseURL: '={{$credentials.serverUrl}}',
		headers: { Accept: 'application/json' },
		json: true,
	},
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Chat Room', value: 'chatRoom' },
				{ name: 'Conference Room', value: 'conferenceRoom' },
				{ name: 'Message', value: 'message' },
				{ name: 'Quick Call', value: 'quickCall' },
			],
			default: 'message',
		},
		...messageDescription,
		...quickCallDescription,
		...chatRoomDescription,
		...conferenceRoomDescription,
		requestOptionsProperty(settings.defaultConcurrency),
	],
};

export class ChatMessenger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chat&Messenger',
		name: 'chatMessenger',
		icon: { light: 'file:cam.svg', dark: 'file:cam.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send Chat&Messenger (CAM) messages one by one or in batches, create quick calls and chat rooms, read conference rooms and reservations',
		defaults: { name: 'Chat&Messenger' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatMessengerApi', required: true }],
		...declaration,
	};

	methods = {
		listSearch: { searchConferenceRooms },
	};

	customOperations = {
		message: {
			sendMany,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeDeclared.call(this, declaration, settings);
	}
}
