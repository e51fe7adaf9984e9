import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { camForm } from '../../shared/methods';
import { checkRecipients, checkRoomName, checkText } from '../../shared/validation';

const showForSend = { resource: ['message'], operation: ['send'] };
const showForBoth = { resource: ['message'], operation: ['send', 'sendMany'] };

/** Fields of Message → Send and Message → Send Many (the latter reads them in its own code). */
export const messageSendDescription: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		default: 'messenger',
		options: [
			{ name: 'Messenger (Direct Message)', value: 'messenger', description: 'A direct message to the users in Recipients' },
			{ name: 'Chat Room', value: 'chatRoom', description: 'A message in a chat room' },
		],
		displayOptions: { show: showForBoth },
	},
	{
		displayName: 'Chat Room Name',
		name: 'roomName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Sales team',
		description: 'Name of the chat room, as shown in Chat&Messenger',
		displayOptions: { show: { ...showForBoth, sendTo: ['chatRoom'] } },
		routing: { send: { type: 'body', property: 'panelName' } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. Build 1024 failed on the staging server',
		description: 'The message; line breaks are kept. Sent exactly as typed (UTF-8), including emoji and Japanese or Chinese text.',
		displayOptions: { show: showForBoth },
		routing: { send: { type: 'body', property: 'message' } },
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'string',
		default: '',
		placeholder: 'e.g. user1@example.com, user2@example.com',
		description:
			'Email addresses of Chat&Messenger users, separated by commas. Messenger: who receives the direct message (at least one). Chat room: users to mention (optional).',
		displayOptions: { show: showForSend },
		routing: { send: { type: 'body', property: 'generalPurposes.users' } },
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user1@example.com, user2@example.com',
		description: 'Email addresses of the Chat&Messenger users who receive this item’s direct message, separated by commas',
		displayOptions: { show: { resource: ['message'], operation: ['sendMany'], sendTo: ['messenger'] } },
	},
	{
		displayName: 'Read Receipt',
		name: 'readReceipt',
		type: 'boolean',
		default: false,
		description: 'Whether to send the message with an opened/unopened confirmation (isOpened)',
		displayOptions: { show: showForSend },
		routing: { send: { type: 'body', property: 'isOpened' } },
	},
];

/**
 * preSend of Message → Send: checks the fields, completes the message object
 * (`{panelName, message, isOpened, generalPurposes: {users}}`) and encodes it as `message=<JSON>`.
 */
export async function sendMessageForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const itemIndex = this.getItemIndex();
	const node = this.getNode();
	const body = (request.body ?? {}) as IDataObject;
	const sendTo = this.getNodeParameter('sendTo') as string;
	const panelName = sendTo === 'chatRoom' ? checkRoomName(node, body.panelName, itemIndex) : 'messenger';
	const message = checkText(node, body.message, itemIndex);
	const users = checkRecipients(node, (body.generalPurposes as IDataObject | undefined)?.users, sendTo === 'messenger', itemIndex);
	request.body = camForm('sendMessage', {
		panelName,
		message,
		isOpened: body.isOpened === true,
		generalPurposes: { users: users.join(',') },
	});
	return request;
}

