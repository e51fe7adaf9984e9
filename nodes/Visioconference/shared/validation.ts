import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { inputError, show } from '../../shared/errors';
import type { Participant } from './links';

/** Local limit of this package (the document gives none): names of at most 255 characters. */
export const MAX_NAME_LENGTH = 255;

/**
 * A text field: a string (a number is taken as its digits), never an object or a list (which would
 * arrive as "[object Object]"), trimmed, refused when empty (if required) or longer than `MAX_NAME_LENGTH`.
 */
export function textField(node: INode, raw: unknown, field: string, itemIndex: number, options: { required?: boolean; hint?: string } = {}): string {
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
		const kind = Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'an object' : `${typeof raw} ${show(raw)}`;
		throw inputError(node, `"${field}" must be text, got ${kind}`, itemIndex, options.hint);
	}
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	if (options.required !== false && !text) throw inputError(node, `"${field}" is empty`, itemIndex, options.hint);
	if (text.length > MAX_NAME_LENGTH) throw inputError(node, `"${field}" is longer than ${MAX_NAME_LENGTH} characters`, itemIndex);
	return text;
}

/** The participants of Room → Create's options: each with a name (text, not empty). */
export function readParticipants(node: INode, options: IDataObject, itemIndex: number): Participant[] {
	const raw = (options.participants as IDataObject | undefined)?.participant ?? [];
	const list = (Array.isArray(raw) ? raw : [raw]) as IDataObject[];
	return list.map((entry, position) => ({
		name: textField(node, entry?.name, `Participants" entry ${position + 1} "Name`, itemIndex),
		moderator: entry?.moderator === true,
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
