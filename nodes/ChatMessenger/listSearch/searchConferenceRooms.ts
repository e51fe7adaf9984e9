import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listRequest, matchesFilter } from '../../shared/listRequest';
import { resultOf } from '../shared/errors';
import { CAM_METHODS } from '../shared/methods';
import { settings } from '../shared/transport';

/**
 * "From List" of Conference Room: the registered conference rooms (`getConferenceRooms`, the call the
 * vendor documents; one answer, no paging), filtered here by name or ID. The answer is read as a run
 * reads it: an `errors` answer is the service's refusal, another shape an error naming what arrived.
 */
export async function searchConferenceRooms(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { httpMethod, path } = CAM_METHODS.getConferenceRooms;
	const rooms = (await listRequest.call(
		this,
		settings,
		'chatMessengerApi',
		{ baseUrlField: 'serverUrl', url: path, method: httpMethod },
		(_body, response) => resultOf(this.getNode(), response, 0, 'getConferenceRooms'),
	)) as IDataObject[];
	const results = rooms
		.filter((room) => room.id !== undefined && room.id !== null && String(room.id) !== '')
		.filter((room) => matchesFilter(filter, room.name, room.id))
		.map((room) => ({ name: room.name ? `${String(room.name)} (${String(room.id)})` : String(room.id), value: String(room.id) }));
	return { results };
}
