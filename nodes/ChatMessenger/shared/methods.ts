/**
 * How each Chat&Messenger API method is called — the one place to correct if a mapping turns out
 * to be wrong.
 *
 * Documented by the vendor as HTTP requests (curl samples):
 *  - `getConferenceRooms`: a plain request to `${serverURL}/getConferenceRooms` with the token header;
 *  - `sendMessage`: `POST`, form body, one field `message=<JSON object>`;
 *  - `sendMessages`: `POST`, form body, one field `messages=<JSON array>`.
 *
 * Documented only as calls of the vendor's JavaScript client (`getAPIClient().method(args)`):
 * `createQuickCall`, `updateChatRoom`, `getConferenceMaster`, `getConferenceRoomStatus`. They are
 * mapped here on the documented pattern (`POST ${serverURL}/<method>`, form body, the argument(s)
 * as JSON in `message`). These mappings are UNVERIFIED: the JSON key names of `createQuickCall` and
 * `getConferenceRoomStatus` in particular are this package's choice.
 *
 * Where each answer carries its result (`answer`) is kept here too. The vendor's samples read
 * `response["chatRoom"]` (updateChatRoom), `response["conferenceRooms"]` (getConferenceMaster) and
 * `response["conferenceRoomStatus"]` with the reservations in `conferenceRooms.reservedSchedules`
 * (getConferenceRoomStatus). No document shows the answer of getConferenceRooms (read like its
 * sibling getConferenceMaster) nor of createQuickCall (`url`: this package's guess). An answer
 * without the result where it is read is an error naming what arrived, never an empty success.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export interface CamMethod {
	httpMethod: IHttpRequestMethods;
	/** path under the server URL */
	path: string;
	/** the form field that carries the JSON argument; absent = no body */
	field?: 'message' | 'messages';
	/** turns what the operation collected into the JSON argument */
	argument?: (input: IDataObject | IDataObject[]) => unknown;
	/** where the answer carries the result, and what it must be; absent = an answer without `errors` is the whole result */
	answer?: CamAnswer;
}

export interface CamAnswer {
	/** keys from the top of the answer to the result */
	path: string[];
	kind: 'list' | 'object' | 'url';
	/** where this reading comes from, as shown in the error when an answer does not match it */
	source: string;
}

export const CAM_METHODS = {
	getConferenceRooms: {
		httpMethod: 'GET',
		path: '/getConferenceRooms',
		answer: { path: ['conferenceRooms'], kind: 'list', source: 'assumed: the key getConferenceMaster documents' },
	},
	sendMessage: { httpMethod: 'POST', path: '/sendMessage', field: 'message', argument: (input) => input },
	sendMessages: { httpMethod: 'POST', path: '/sendMessages', field: 'messages', argument: (input) => input },
	// createQuickCall(expiry unix ms, password)
	createQuickCall: {
		httpMethod: 'POST',
		path: '/createQuickCall',
		field: 'message',
		argument: (input) => ({ expiry: (input as IDataObject).expiry, password: (input as IDataObject).password ?? '' }),
		answer: { path: ['url'], kind: 'url', source: 'assumed: no document shows this answer' },
	},
	// updateChatRoom(chatRoom): the room object itself, without `id` to create one
	updateChatRoom: {
		httpMethod: 'POST',
		path: '/updateChatRoom',
		field: 'message',
		argument: (input) => input,
		answer: { path: ['chatRoom'], kind: 'object', source: 'as the vendor’s sample reads it' },
	},
	// getConferenceMaster(): no argument
	getConferenceMaster: {
		httpMethod: 'POST',
		path: '/getConferenceMaster',
		field: 'message',
		argument: () => ({}),
		answer: { path: ['conferenceRooms'], kind: 'list', source: 'as the vendor’s sample reads it' },
	},
	// getConferenceRoomStatus("yyyyMM" | "yyyyMMdd")
	getConferenceRoomStatus: {
		httpMethod: 'POST',
		path: '/getConferenceRoomStatus',
		field: 'message',
		argument: (input) => ({ yyyyMMdd: (input as IDataObject).yyyyMMdd }),
		answer: {
			path: ['conferenceRoomStatus', 'conferenceRooms'],
			kind: 'list',
			source: 'the vendor’s sample reads conferenceRoomStatus; its text puts the reservations in conferenceRooms.reservedSchedules',
		},
	},
} satisfies Record<string, CamMethod>;

export type CamMethodName = keyof typeof CAM_METHODS;

/** The `routing.request` of an operation calling `name`. */
export function camRequest(name: CamMethodName) {
	const method: CamMethod = CAM_METHODS[name];
	return {
		method: method.httpMethod,
		url: method.path,
		...(method.field ? { headers: { 'Content-Type': FORM_CONTENT_TYPE } } : {}),
	};
}

/**
 * The form body of a call: `<field>=<JSON>`, encoded by URLSearchParams, so `&`, `=`, `+`, `%`,
 * line breaks, emoji and CJK text arrive exactly as typed (UTF-8, percent-encoded).
 */
export function camForm(name: CamMethodName, input: IDataObject | IDataObject[]): string {
	const method: CamMethod = CAM_METHODS[name];
	if (!method.field || !method.argument) return '';
	return new URLSearchParams([[method.field, JSON.stringify(method.argument(input))]]).toString();
}
