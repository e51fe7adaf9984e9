import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { unrecognisedAnswer } from '../../shared/answerShape';
import { readAnswer, resultOf, SERVICE } from './errors';
import { checkRecipients } from './validation';

/** postReceive of Message → Send: `errors` is a failure; otherwise what was sent, and the answer. */
export async function sendMessageOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex(), 'sendMessage');
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
	return [{ json: resultOf(this.getNode(), response, this.getItemIndex(), 'updateChatRoom') as IDataObject }];
}

/** postReceive of Get Many / Get Master Data: one item per conference room. */
export async function conferenceRoomsOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const call = this.getNodeParameter('operation') === 'getMaster' ? 'getConferenceMaster' : 'getConferenceRooms';
	return (resultOf(this.getNode(), response, this.getItemIndex(), call) as IDataObject[]).map((json) => ({ json }));
}

/**
 * postReceive of Get Reservations: rooms with their reservedSchedules, or one item per reservation.
 * A room's `reservedSchedules` must be a list where present, and at least one room must carry it:
 * rooms without any would read as "no reservations" while the server may keep them elsewhere.
 */
export async function reservationsOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const all = resultOf(this.getNode(), response, itemIndex, 'getConferenceRoomStatus') as IDataObject[];
	const wrong = all.findIndex((room) => room.reservedSchedules !== undefined && !Array.isArray(room.reservedSchedules));
	if (wrong !== -1 || (all.length > 0 && !all.some((room) => Array.isArray(room.reservedSchedules)))) {
		const room = all[wrong === -1 ? 0 : wrong];
		throw unrecognisedAnswer(this.getNode(), SERVICE, { ...response, body: room }, itemIndex, {
			call: 'getConferenceRoomStatus',
			expected: `each room of "conferenceRoomStatus.conferenceRooms" to carry its reservations in a "reservedSchedules" list (room ${wrong === -1 ? 1 : wrong + 1} shown)`,
		});
	}
	// "Conference Room" (a resource locator; empty = every room) picks one room of the answer
	const wanted = String(this.getNodeParameter('conferenceRoom', '', { extractValue: true }) ?? '').trim();
	const rooms = all.filter((room) => !wanted || String(room.id ?? room.conferenceRoomId ?? '') === wanted);
	if (this.getNodeParameter('output', 'rooms') === 'rooms') return rooms.map((json) => ({ json }));
	return rooms.flatMap((room) =>
		((room.reservedSchedules ?? []) as IDataObject[]).map((schedule) => ({
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

/** postReceive of Quick Call → Create: the meeting URL, its expiry, and the answer. */
export async function quickCallOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex(), 'createQuickCall');
	const url = resultOf(this.getNode(), response, this.getItemIndex(), 'createQuickCall') as string;
	const request = quickCalls.get(this);
	return [
		{
			json: {
				...answer,
				url,
				...(request
					? { expiresAt: new Date(request.expiry).toISOString(), expiry: request.expiry, passwordProtected: request.passwordProtected }
					: {}),
			},
		},
	];
}
