import {
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { camForm } from '../../shared/methods';
import { textField } from '../../shared/validation';

function requiredText(ctx: IExecuteSingleFunctions, value: unknown, field: string): string {
	return textField(ctx.getNode(), value, field, ctx.getItemIndex());
}

/** `{member: [{userId, flag}]}` (the Members field) → `{"<userId>": true|false}` (memberUids). */
export function memberUids(ctx: IExecuteSingleFunctions, value: unknown): IDataObject {
	const itemIndex = ctx.getItemIndex();
	const entries = ((value as IDataObject | undefined)?.member ?? []) as IDataObject[];
	const out: IDataObject = {};
	(Array.isArray(entries) ? entries : [entries]).forEach((entry, position) => {
		const userId = textField(ctx.getNode(), entry.userId, `Members" entry ${position + 1} "User ID`, itemIndex, { required: false });
		if (!userId || /\s/.test(userId)) {
			throw inputError(
				ctx,
				`"Members" entry ${position + 1} has ${userId ? `the user ID "${userId.slice(0, 100)}", which contains spaces` : 'no user ID'}`,
				itemIndex,
			);
		}
		if (userId in out) {
			throw inputError(ctx, `"Members" lists the user ID "${userId}" twice`, itemIndex);
		}
		out[userId] = entry.flag === true;
	});
	return out;
}

/**
 * preSend of Chat Room → Create and Update: checks the room object the fields built and sends it
 * as `message=<chat room JSON>` to updateChatRoom (without `id` = create; unverified mapping).
 */
export async function chatRoomForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = { ...((request.body ?? {}) as IDataObject) };
	const operation = this.getNodeParameter('operation') as string;
	if (operation === 'update') {
		body.id = requiredText(this, body.id, 'Chat Room ID');
		if (Object.keys(body).length === 1) {
			throw inputError(this, '"Update Fields" is empty: nothing to update', this.getItemIndex(), 'Add at least one field to change, e.g. Name or Members');
		}
		if ('name' in body) body.name = requiredText(this, body.name, 'Name');
		if ('createUserId' in body) body.createUserId = requiredText(this, body.createUserId, 'Creator User ID');
	} else {
		delete body.id;
		body.name = requiredText(this, body.name, 'Name');
		body.createUserId = requiredText(this, body.createUserId, 'Creator User ID');
	}
	if ('adminUserId' in body) body.adminUserId = requiredText(this, body.adminUserId, 'Admin User ID');
	if ('memberUids' in body) body.memberUids = memberUids(this, body.memberUids);
	request.body = camForm('updateChatRoom', body);
	return request;
}

