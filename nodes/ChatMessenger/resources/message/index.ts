import type { INodeProperties } from 'n8n-workflow';

import { camRequest } from '../../shared/methods';
import { sendMessageOutput } from '../../shared/output';
import { messageSendDescription, sendMessageForm } from './send';
import { messageSendManyDescription } from './sendMany';

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: 'Send a direct message (Messenger) or a message to a chat room, one request per item (sendMessage)',
				routing: {
					request: camRequest('sendMessage'),
					send: { preSend: [sendMessageForm] },
					output: { postReceive: [sendMessageOutput] },
				},
			},
			{
				name: 'Send Many',
				value: 'sendMany',
				action: 'Send many messages in batches',
				description:
					'Send every input item as one message, many items per request (sendMessages): direct messages or messages to all members of a chat room',
			},
		],
		default: 'send',
	},
	...messageSendDescription,
	...messageSendManyDescription,
];
