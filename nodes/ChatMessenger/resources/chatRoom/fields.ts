import type { INodeProperties } from 'n8n-workflow';

/** The chat room fields both Create (Additional Fields) and Update (Update Fields) offer. */
export function chatRoomFields(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Admin User ID',
			name: 'adminUserId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 11u1pu9d32p8vuvjoZdd',
			description: 'User ID of the room’s administrator (adminUserId)',
			routing: { send: { type: 'body', property: 'adminUserId' } },
		},
		{
			displayName: 'Members',
			name: 'members',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Member',
			default: {},
			description: forUpdate
				? 'The room’s members (memberUids). Whether the server replaces or merges the member list is not documented.'
				: 'The room’s members (memberUids)',
			options: [
				{
					displayName: 'Member',
					name: 'member',
					values: [
						{
							displayName: 'User ID',
							name: 'userId',
							type: 'string',
							default: '',
							placeholder: 'e.g. 1lmn7hoh3s1ja26fsazw',
							description: 'Chat&Messenger user ID of the member',
						},
						{
							displayName: 'Flag',
							name: 'flag',
							type: 'boolean',
							default: false,
							description:
								'Whether to store true for this member in memberUids (in the vendor’s sample the room’s creator is true and the other members false)',
						},
					],
				},
			],
			routing: { send: { type: 'body', property: 'memberUids' } },
		},
		{
			displayName: 'Public',
			name: 'isPublic',
			type: 'boolean',
			default: false,
			description: 'Whether the room is public (isPublic)',
			routing: { send: { type: 'body', property: 'isPublic' } },
		},
		{
			displayName: 'Thread Mode',
			name: 'isMessageThread',
			type: 'boolean',
			default: false,
			description: 'Whether messages in the room are organised in threads (isMessageThread)',
			routing: { send: { type: 'body', property: 'isMessageThread' } },
		},
	];
	if (forUpdate) {
		fields.unshift(
			{
				displayName: 'Creator User ID',
				name: 'createUserId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 11u1pu9d32p8vuvjoZdd',
				description: 'User ID recorded as the room’s creator (createUserId)',
				routing: { send: { type: 'body', property: 'createUserId' } },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Secret meeting',
				description: 'New name of the chat room',
				routing: { send: { type: 'body', property: 'name' } },
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
