import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { DEFAULT_MEETING_BASE, joinLink, roomUrlFrom } from '../../shared/links';
import { textField } from '../../shared/validation';

const showOnlyForJoinLinkCreate = {
	resource: ['joinLink'],
	operation: ['create'],
};

export const joinLinkCreateDescription: INodeProperties[] = [
	{
		displayName: 'Room URL or ID',
		name: 'room',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://visioconference.me/meet/AB12CD3 or AB12CD3',
		description: 'The room URL returned when the room was created, or its ID (uniqid)',
		displayOptions: { show: showOnlyForJoinLinkCreate },
	},
	{
		displayName: 'Join As',
		name: 'role',
		type: 'options',
		default: 'guest',
		options: [
			{ name: 'Guest', value: 'guest', description: 'Joins without moderator rights' },
			{ name: 'Moderator', value: 'moderator', description: 'Joins as moderator (needs the room’s moderator token)' },
		],
		displayOptions: { show: showOnlyForJoinLinkCreate },
	},
	{
		displayName: 'Moderator Token',
		name: 'moderatorToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		placeholder: 'e.g. NTSIFSMV',
		description: 'The room’s moderator_token, returned when the room was created',
		displayOptions: { show: { ...showOnlyForJoinLinkCreate, role: ['moderator'] } },
	},
	{
		displayName: 'Participant Name',
		name: 'participantName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Anne Dupont',
		description: 'Pre-fills the name shown in the room (optional)',
		displayOptions: { show: showOnlyForJoinLinkCreate },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForJoinLinkCreate },
		options: [
			{
				displayName: 'Meeting Base URL',
				name: 'meetingBaseUrl',
				type: 'string',
				default: DEFAULT_MEETING_BASE,
				description: 'Where rooms live, used when a room ID is given instead of a URL',
			},
		],
	},
];

/** Join Link → Create: builds the link locally, no request. */
export async function createJoinLink(this: IExecuteFunctions, itemIndex: number) {
	const node = this.getNode();
	const room = textField(node, this.getNodeParameter('room', itemIndex, ''), 'Room URL or ID', itemIndex);
	const role = this.getNodeParameter('role', itemIndex) as string;
	const name = textField(node, this.getNodeParameter('participantName', itemIndex, ''), 'Participant Name', itemIndex, { required: false });
	const { meetingBaseUrl } = this.getNodeParameter('options', itemIndex, {}) as { meetingBaseUrl?: unknown };
	const base = textField(node, meetingBaseUrl, 'Meeting Base URL', itemIndex, { required: false });
	if (base && !/^https?:\/\/[^\s/?#]+/i.test(base)) throw inputError(this, `"Meeting Base URL" must be an http(s) URL, got "${base.slice(0, 100)}"`, itemIndex);
	const roomUrl = roomUrlFrom(room, base || DEFAULT_MEETING_BASE);
	if (!roomUrl) {
		throw inputError(this, `"Room URL or ID" must be a room URL or a room ID, got "${room.slice(0, 100)}"`, itemIndex);
	}
	let moderatorToken: string | undefined;
	if (role === 'moderator') {
		moderatorToken = textField(node, this.getNodeParameter('moderatorToken', itemIndex, ''), 'Moderator Token', itemIndex);
	}
	return {
		link: joinLink(roomUrl, { moderatorToken, name: name || undefined }),
		roomUrl,
		role,
		...(name ? { participantName: name } : {}),
	};
}
