import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { readAnswer, SERVICE } from './errors';
import { checkRecipients } from './validation';

/** postReceive of Message → Send: `errors` is a failure; otherwise what was sent, and the answer. */
export async function sendMessageOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex());
	const sendTo = this.getNodeParameter('sendTo') as string;
	const users = checkRecipients(this.getNode(), this.getNodeParameter('recipients', ''), false, this.getItemIndex());
	return [
		{
			json: {
				sent: true,
				sendTo,
				panelName: sendTo === 'chatRoom' ? String(this.getNodeParameter('roomName', '')).trim() : 'messenger',
				users,
				readReceipt: this.getNodeParameter('readReceipt', false) as boolean,
				...answer,
			},
		},
	];
}
/** postReceive of Chat Room → Create and Update: the `chatRoom` of the answer. */
export async function chatRoomOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex());
	const room = answer.chatRoom;
	return [{ json: room && typeof room === 'object' && !Array.isArray(room) ? (room as IDataObject) : answer }];
}

/** The rooms of an answer: `conferenceRooms`, or `conferenceRoomStatus(.conferenceRooms)`. */
export function roomsOf(answer: IDataObject): IDataObject[] {
	const status = answer.conferenceRoomStatus as IDataObject | IDataObject[] | undefined;
	const candidates = [
		Array.isArray(status) ? status : (status?.conferenceRooms as IDataObject[] | undefined),
		answer.conferenceRooms as IDataObject[] | undefined,
	];
	for (const candidate of candidates) if (Array.isArray(candidate)) return candidate;
	return [];
}

/** postReceive of Get Many / Get Master Data: one item per conference room. */
export async function conferenceRoomsOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex());
	return roomsOf(answer).map((json) => ({ json }));
}

/** postReceive of Get Reservations: rooms with their reservedSchedules, or one item per reservation. */
export async function reservationsOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex());
	// "Conference Room" (a resource locator; empty = every room) picks one room of the answer
	const wanted = String(this.getNodeParameter('conferenceRoom', '', { extractValue: true }) ?? '').trim();
	const rooms = roomsOf(answer).filter((room) => !wanted || String(room.id ?? room.conferenceRoomId ?? '') === wanted);
	if (this.getNodeParameter('output', 'rooms') === 'rooms') return rooms.map((json) => ({ json }));
	return rooms.flatMap((room) =>
		((Array.isArray(room.reservedSchedules) ? room.reservedSchedules : []) as IDataObject[]).map((schedule) => ({
			json: { ...schedule, conferenceRoomId: room.id ?? room.conferenceRoomId ?? null, conferenceRoomName: room.name ?? room.conferenceRoomName ?? null },
		})),
	);
}

/** What preSend sent, for the output of the same item (keyed by the item's context). */
const quickCalls = new WeakMap<object, { expiry: number; passwordProtected: boolean }>();

/** Remembers, for the output of the same item, what Quick Call → Create sent. */
export function rememberQuickCall(ctx: IExecuteSingleFunctions, request: { expiry: number; passwordProtected: boolean }) {
	quickCalls.set(ctx, request);
}

const URL_KEYS = ['url', 'quickCallURL', 'quickCallUrl', 'meetingURL', 'meetingUrl', 'callURL', 'callUrl', 'URL'];

/** The meeting URL in an answer: a known key, else the first http(s) text anywhere in it. */
export function findUrl(answer: unknown): string | undefined {
	if (typeof answer === 'string') return /^https?:\/\//i.test(answer.trim()) ? answer.trim() : undefined;
	if (!answer || typeof answer !== 'object') return undefined;
	const object = answer as IDataObject;
	for (const key of URL_KEYS) {
		if (typeof object[key] === 'string' && /^https?:\/\//i.test(object[key] as string)) return object[key] as string;
	}
	for (const value of Object.values(object)) {
		const found = findUrl(value);
		if (found) return found;
	}
	return undefined;
}

/** postReceive of Quick Call → Create: the meeting URL, its expiry, and the answer. */
export async function quickCallOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex());
	const url = findUrl(answer);
	if (!url) {
		throw new NodeApiError(this.getNode(), answer as JsonObject, {
			message: `${SERVICE}: the answer to createQuickCall holds no meeting URL`,
			description: `The server answered: ${JSON.stringify(answer).slice(0, 300)}`,
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	const request = quickCalls.get(this);
	return [
		{
			json: {
				url,
				...(request
					? { expiresAt: new Date(request.expiry).toISOString(), expiry: request.expiry, passwordProtected: request.passwordProtected }
					: {}),
				...answer,
			},
		},
	];
}
