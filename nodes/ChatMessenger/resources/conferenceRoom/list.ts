import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { camForm } from '../../shared/methods';
import { readAnswer } from '../../shared/transport';

/** Return All / Limit of a room list (the API returns the whole list in one answer, no cursor). */
export function returnAllAndLimit(operation: string): INodeProperties[] {
	const show = { resource: ['conferenceRoom'], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
			routing: { output: { maxResults: '={{$value}}' } },
		},
	];
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

/** preSend of Get Master Data: the call takes no argument (`message={}`; unverified mapping). */
export async function masterForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.body = camForm('getConferenceMaster', {});
	return request;
}
