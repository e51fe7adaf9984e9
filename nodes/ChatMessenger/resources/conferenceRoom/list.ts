import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { camForm } from '../../shared/methods';
import { readAnswer } from '../../shared/transport';

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

/** preSend of Get Master Data: the call takes no argument (`message={}`; unverified mapping). */
export async function masterForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.body = camForm('getConferenceMaster', {});
	return request;
}
