import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { textInput } from '../../shared/textInput';
import type { Participant } from './links';

/** Local limit of this package (the document gives none): names of at most 255 characters. */
export const MAX_NAME_LENGTH = 255;

/** A text field, with this node's limit. */
export function textField(node: INode, raw: unknown, field: string, itemIndex: number, options: { required?: boolean; hint?: string } = {}): string {
	return textInput(node, raw, field, itemIndex, { max: MAX_NAME_LENGTH, ...options });
}

/** The participants of Room → Create's options: each with a name (text, not empty). */
export function readParticipants(node: INode, options: IDataObject, itemIndex: number): Participant[] {
	const raw = (options.participants as IDataObject | undefined)?.participant ?? [];
	const list = (Array.isArray(raw) ? raw : [raw]) as IDataObject[];
	return list.map((entry, position) => ({
		name: textField(node, entry?.name, `Participants" entry ${position + 1} "Name`, itemIndex),
		// an entry without a name (null included) was refused on the line above
		moderator: entry.moderator === true,
	}));
}

/** preSend of Room → Create: the name is trimmed and may not be empty; the participants are checked. */
export async function checkRoomName(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const itemIndex = this.getItemIndex();
	const name = textField(this.getNode(), this.getNodeParameter('name'), 'Room Name', itemIndex, { hint: 'Give the room a name, e.g. "Weekly sync"' });
	readParticipants(this.getNode(), this.getNodeParameter('options', {}) as IDataObject, itemIndex);
	(request.body as IDataObject).name = name;
	return request;
}
