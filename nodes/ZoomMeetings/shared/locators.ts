import type { INodeProperties } from 'n8n-workflow';

/** A Zoom join, webinar or start link: `https://<sub>.zoom.us/j/<meeting id>` (also `/w/`, `/s/`, `/wc/join/`, zoomgov.com). */
export const MEETING_URL_REGEX = 'https?:\\/\\/(?:[A-Za-z0-9-]+\\.)*(?:zoom\\.us|zoom\\.com|zoomgov\\.com)\\/(?:j|w|s|wc\\/join|wc)\\/(\\d{9,12})';

/**
 * "Meeting": n8n's resource locator for a Zoom meeting. From a list (the meetings of the credential's
 * user, searchable by topic or ID), by ID (digits; spaces and dashes as Zoom shows them are removed),
 * or by a join link. With `uuid` (recordings), the list shows past meetings and By ID also takes a
 * meeting instance's UUID.
 */
export function meetingLocator(show: Record<string, Array<string | number>>, options: { uuid?: boolean; description?: string } = {}): INodeProperties {
	return {
		displayName: 'Meeting',
		name: 'meetingId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			options.description ??
			'The meeting: pick it from the list, enter its ID (digits; spaces as shown in Zoom are removed) or paste its join link',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a meeting...',
				typeOptions: { searchListMethod: options.uuid ? 'searchPreviousMeetings' : 'searchMeetings', searchable: true },
			},
			{
				displayName: options.uuid ? 'By ID or UUID' : 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.uuid ? 'e.g. 86220627999 or 4444AAAiAAAAAiAiAiiAii==' : 'e.g. 86220627999',
				validation: [
					{
						type: 'regex',
						properties: options.uuid
							? { regex: '^\\s*(?:[\\d\\s-]*\\d[\\d\\s-]*|[A-Za-z0-9+/=_-]{8,100})\\s*$', errorMessage: 'Not a Zoom meeting ID (digits) or UUID' }
							: { regex: '^\\s*[\\d\\s-]*\\d[\\d\\s-]*\\s*$', errorMessage: 'Not a Zoom meeting ID (digits, e.g. 86220627999)' },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://us02web.zoom.us/j/86220627999?pwd=…',
				extractValue: { type: 'regex', regex: MEETING_URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: { regex: `${MEETING_URL_REGEX}(?:[/?#].*)?`, errorMessage: 'Not a Zoom meeting link (…zoom.us/j/<meeting ID>)' },
					},
				],
			},
		],
	};
}

/**
 * "User": n8n's resource locator for a Zoom user. From a list (the account's users, searchable by
 * name or email, "Me" first) or by ID: "me", a user ID or an email address. Its default is "me".
 */
export function userLocator(show: Record<string, Array<string | number>>, description: string): INodeProperties {
	return {
		displayName: 'User',
		name: 'userId',
		type: 'resourceLocator',
		default: { mode: 'id', value: 'me' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID or Email',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. me, KDcuGIm1QgePTO8WbOqwIQ or anna@example.com',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[^\\s/]{1,128}\\s*$', errorMessage: 'Not a Zoom user: "me", a user ID or an email address' },
					},
				],
			},
		],
	};
}
