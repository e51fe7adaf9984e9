import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listRequest, matchesFilter, unexpectedListAnswer } from '../../shared/listRequest';
import { errorsAnswerError, hasErrors, SERVICE } from '../shared/errors';
import { CAM_METHODS } from '../shared/methods';
import { roomsOf } from '../shared/output';
import { settings } from '../shared/transport';

/**
 * "From List" of Conference Room: the registered conference rooms (`getConferenceRooms`, the call the
 * vendor documents; one answer, no paging), filtered here by name or ID.
 */
export async function searchConferenceRooms(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const read = (answer: unknown): IDataObject[] => {
		// an `errors` answer (HTTP 200) is the service's refusal, explained as in a run
		if (hasErrors(answer)) throw errorsAnswerError(this.getNode(), answer, 200, 0);
		const body = answer as IDataObject;
		if (!body || typeof body !== 'object' || (!Array.isArray(body.conferenceRooms) && !body.conferenceRoomStatus)) {
			throw unexpectedListAnswer(this, SERVICE, 'a "conferenceRooms" list', answer);
		}
		return roomsOf(body);
	};
	const { httpMethod, path } = CAM_METHODS.getConferenceRooms;
	const rooms = (await listRequest.call(this, settings, 'chatMessengerApi', { baseUrlField: 'serverUrl', url: path, method: httpMethod }, read)) as IDataObject[];
	const results = rooms
		.filter((room) => room.id !== undefined && room.id !== null && String(room.id) !== '')
		.filter((room) => matchesFilter(filter, room.name, room.id))
		.map((room) => ({ name: room.name ? `${String(room.name)} (${String(room.id)})` : String(room.id), value: String(room.id) }));
	return { results };
}
