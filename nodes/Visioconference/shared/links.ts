import type { IDataObject } from 'n8n-workflow';

export const DEFAULT_MEETING_BASE = 'https://visioconference.me/meet/';

/**
 * A join link on the room URL the API returned: `m` joins as moderator, `name` pre-fills the
 * participant's name. URLSearchParams encodes spaces, accents, `&`, `#` and CJK correctly.
 */
export function joinLink(roomUrl: string, options: { moderatorToken?: string; name?: string } = {}): string {
	const url = new URL(roomUrl);
	if (options.moderatorToken) url.searchParams.set('m', options.moderatorToken);
	if (options.name) url.searchParams.set('name', options.name);
	return url.toString();
}

/**
 * A room URL from what the user has (text already trimmed, as `textField` gives it): a full URL, or a
 * room ID (`uniqid`) on the meeting host.
 */
export function roomUrlFrom(text: string, meetingBase = DEFAULT_MEETING_BASE): string | undefined {
	if (/^https?:\/\//i.test(text)) {
		if (!URL.canParse(text)) return undefined;
		const url = new URL(text);
		url.search = '';
		url.hash = '';
		return url.toString();
	}
	if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
	return new URL(encodeURIComponent(text), meetingBase.endsWith('/') ? meetingBase : `${meetingBase}/`).toString();
}

export interface Participant {
	name: string;
	moderator?: boolean;
}

/** A room as Room → Create's answer check (`roomFromAnswer`) lets it through. */
export interface RoomAnswer extends IDataObject {
	url: string;
	room: IDataObject & { moderator_token: string };
}

/** The links a user hands out after creating a room. */
export function roomLinks(data: RoomAnswer, participants: Participant[]): IDataObject {
	const { url } = data;
	const moderatorToken = data.room.moderator_token;
	return {
		moderatorLink: joinLink(url, { moderatorToken }),
		guestLink: joinLink(url),
		...(participants.length
			? {
					participantLinks: participants.map((p) => ({
						name: p.name,
						moderator: Boolean(p.moderator),
						link: joinLink(url, { name: p.name, moderatorToken: p.moderator ? moderatorToken : undefined }),
					})),
				}
			: {}),
	};
}
