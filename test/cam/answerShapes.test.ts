/**
 * The answers no document shows, in every plausible shape (`CAM_ANSWER_SHAPES`), and the HTTP
 * mappings of the JavaScript-client-only methods (`CAM_CLIENT_MAPPINGS`): the node reads an answer
 * where the document (or its one named assumption) puts the result, or fails naming what arrived —
 * never an empty success.
 */
import type { IDataObject } from 'n8n-workflow';

import { CAM_ANSWER_SHAPES, CAM_CLIENT_MAPPINGS, type CamAnswerShape } from '../simulators/cam';
import { setup } from './common';

const { ctx, node } = setup();

const year = new Date().getUTCFullYear() + 1;

/** Each operation, the parameters that run it, and the shapes in which it reads its result. */
const operations: Array<{ label: string; parameters: IDataObject; items?: IDataObject[]; reads: CamAnswerShape[]; arrived: Partial<Record<CamAnswerShape, RegExp>> }> = [
	{
		label: 'Conference Room → Get Many (getConferenceRooms)',
		parameters: { resource: 'conferenceRoom', operation: 'getAll', returnAll: true },
		reads: ['keyed'],
		arrived: { bare: /a JSON array of 3 entries/, wrapped: /a JSON object with the key "data"\)/, otherKey: /a JSON object with the key "rooms"\)/ },
	},
	{
		label: 'Conference Room → Get Master Data (getConferenceMaster)',
		parameters: { resource: 'conferenceRoom', operation: 'getMaster', returnAll: true },
		reads: ['keyed'],
		arrived: { bare: /a JSON array of 3 entries/, wrapped: /a JSON object with the key "data"\)/, otherKey: /a JSON object with the key "rooms"\)/ },
	},
	{
		label: 'Conference Room → Get Reservations (getConferenceRoomStatus)',
		parameters: { resource: 'conferenceRoom', operation: 'getReservations', period: 'month', month: '2019-08', output: 'reservations' },
		reads: ['keyed'],
		arrived: { bare: /a JSON object with the key "conferenceRooms"\)/, wrapped: /a JSON object with the key "data"\)/, otherKey: /a JSON object with the key "status"\)/ },
	},
	{
		label: 'Quick Call → Create (createQuickCall)',
		parameters: { resource: 'quickCall', operation: 'create', expiresMode: 'dateTime', expiresAt: `${year}-01-01T00:00:00Z` },
		reads: ['keyed'],
		// a bare JSON string: n8n has already unquoted it, so it reads as text that is not JSON
		arrived: { bare: /not valid JSON$/, wrapped: /a JSON object with the key "data"\)/, otherKey: /a JSON object with the key "quickCallUrl"\)/ },
	},
	{
		label: 'Chat Room → Create (updateChatRoom)',
		parameters: { resource: 'chatRoom', operation: 'create', name: 'Shapes', createUserId: 'u-1' },
		reads: ['keyed'],
		arrived: { bare: /a JSON object with the keys "id", "isMessageThread", "isPublic", "memberUids", "name", "createUserId"\)/, wrapped: /the key "data"\)/, otherKey: /the key "room"\)/ },
	},
	{
		// no document shows this answer: a JSON object without `errors` is the accepted message
		label: 'Message → Send (sendMessage)',
		parameters: { resource: 'message', operation: 'send', sendTo: 'messenger', text: 'hello', recipients: 'user1@example.com' },
		reads: ['keyed', 'wrapped', 'otherKey'],
		arrived: { bare: /a JSON array of 0 entries\)/ },
	},
	{
		label: 'Message → Send Many (sendMessages)',
		parameters: { resource: 'message', operation: 'sendMany', sendTo: 'messenger', text: '={{ $json.text }}', recipients: 'user1@example.com' },
		items: [{ text: 'one' }, { text: 'two' }],
		reads: ['keyed', 'wrapped', 'otherKey'],
		arrived: { bare: /a JSON array of 0 entries\)/ },
	},
];

/** The start of the error each shape the node does not read must give. */
const failure: Record<CamAnswerShape, RegExp> = {
	keyed: /^$/,
	bare: /^Chat&Messenger error 200: (the answer to \w+ is not in the expected shape \(HTTP 200, application\/json, |the server sent an answer that is not valid JSON)/,
	wrapped: /^Chat&Messenger error 200: the answer to \w+ is not in the expected shape \(HTTP 200, application\/json, /,
	otherKey: /^Chat&Messenger error 200: the answer to \w+ is not in the expected shape \(HTTP 200, application\/json, /,
	text: /^Chat&Messenger error 200: the server sent an answer that is not valid JSON/,
	html200: /^Chat&Messenger error 200: the server answered with a web page instead of JSON/,
	loginRedirect: /^Chat&Messenger error 302: the service answered with a redirect to 127\.0\.0\.1:\d+, which is not followed/,
};

describe.each(operations)('$label', ({ parameters, items, reads, arrived }) => {
	test.each([...CAM_ANSWER_SHAPES])('answer shape %s: read as documented or a clear error, never an empty success', async (shape) => {
		const { sim, engine } = ctx;
		sim.answerShape = shape;
		const result = await engine.run([node(parameters)], items ?? [{}]);
		const error = result.error('CAM');
		if (reads.includes(shape)) {
			expect(error).toBeUndefined();
			const out = result.output('CAM');
			expect(out.length).toBeGreaterThan(0);
			expect(out.every((item) => item.json.error === undefined)).toBe(true);
			return;
		}
		expect(error?.message).toMatch(failure[shape]);
		if (arrived[shape]) expect(error?.message).toMatch(arrived[shape]!);
		// an answer with HTTP 200 that cannot be read does not mean "not sent"
		if (parameters.resource === 'message' && shape !== 'loginRedirect') expect(error?.description).toMatch(/may have been sent[:;] check before running/);
		if (parameters.resource === 'quickCall' && shape !== 'loginRedirect') expect(error?.description).toContain('A quick call may have been created.');
		expect(result.output('CAM')).toHaveLength(0);
	});
});

const TAIL = ' If your server answers in another shape, please report the shape named above.';
test.each([
	['Conference Room → Get Many', 0, 'Expected "conferenceRooms" holding a list of objects (assumed: the key getConferenceMaster documents).' + TAIL],
	['Conference Room → Get Master Data', 1, 'Expected "conferenceRooms" holding a list of objects (as the vendor’s sample reads it).' + TAIL],
	[
		'Conference Room → Get Reservations',
		2,
		'Expected "conferenceRoomStatus.conferenceRooms" holding a list of objects (the vendor’s sample reads conferenceRoomStatus; its text puts the reservations in conferenceRooms.reservedSchedules).' + TAIL,
	],
	['Quick Call → Create', 3, 'Expected "url" holding an http(s) URL (assumed: no document shows this answer). A quick call may have been created.' + TAIL],
	['Chat Room → Create', 4, 'Expected "chatRoom" holding an object (as the vendor’s sample reads it). The chat room may have been created or changed: check before running the item again.' + TAIL],
])('%s: the description of an unread answer says what the node expected and where that reading comes from', async (_label, index, description) => {
	const { sim, engine } = ctx;
	sim.answerShape = 'otherKey';
	const result = await engine.run([node(operations[index].parameters)], operations[index].items ?? [{}]);
	expect(result.error('CAM')?.description).toBe(description);
});

test('reservations: rooms whose reservedSchedules is missing or not a list are not read as "no reservations"', async () => {
	const { sim, engine } = ctx;
	const run = async () => await engine.run([node(operations[2].parameters)]);
	sim.fail({ kind: 'status', status: 200, body: { conferenceRoomStatus: { conferenceRooms: [{ id: 'room-a', schedules: [] }] } } });
	expect((await run()).error('CAM')?.message).toBe(
		'Chat&Messenger error 200: the answer to getConferenceRoomStatus is not in the expected shape (HTTP 200, application/json, a JSON object with the keys "id", "schedules")',
	);
	sim.fail({ kind: 'status', status: 200, body: { conferenceRoomStatus: { conferenceRooms: [{ id: 'room-a', reservedSchedules: { r1: {} } }] } } });
	expect((await run()).error('CAM')?.message).toMatch(/not in the expected shape \(HTTP 200, application\/json, a JSON object with the keys "id", "reservedSchedules"\)$/);
	// an empty list of rooms, and rooms with empty lists, are a true "no reservations"
	sim.fail({ kind: 'status', status: 200, body: { conferenceRoomStatus: { conferenceRooms: [{ id: 'room-a', reservedSchedules: [] }] } } });
	const empty = await run();
	expect(empty.error('CAM')).toBeUndefined();
	expect(empty.output('CAM')).toHaveLength(0);
});

describe.each([
	['Quick Call → Create (createQuickCall)', operations[3].parameters, '/createQuickCall'],
	['Chat Room → Create (updateChatRoom)', operations[4].parameters, '/updateChatRoom'],
	['Conference Room → Get Master Data (getConferenceMaster)', operations[1].parameters, '/getConferenceMaster'],
	['Conference Room → Get Reservations (getConferenceRoomStatus)', operations[2].parameters, '/getConferenceRoomStatus'],
])('%s: documented only as a JavaScript-client call', (_label, parameters, path) => {
	test.each([...CAM_CLIENT_MAPPINGS])('a server that reads the argument as %s: it works or the server’s refusal is the error', async (mapping) => {
		const { sim, engine } = ctx;
		sim.clientMapping = mapping;
		const rooms = sim.chatRooms.size;
		const result = await engine.run([node(parameters)]);
		expect(sim.requests('POST', path)).toHaveLength(1);
		if (mapping === 'messageObject') {
			// the mapping this package sends (nodes/ChatMessenger/shared/methods.ts)
			expect(result.error('CAM')).toBeUndefined();
			expect(result.output('CAM').length).toBeGreaterThan(0);
			return;
		}
		expect(result.error('CAM')?.message).toMatch(
			mapping === 'jsonBody'
				? /^Chat&Messenger error 200: the server refused the request: Content-Type must be application\/json, got application\/x-www-form-urlencoded$/
				: /^Chat&Messenger error 200: the server refused the request: message must be a JSON array of the arguments \(.*\)$/,
		);
		expect(result.output('CAM')).toHaveLength(0);
		expect(sim.quickCalls).toHaveLength(0);
		expect(sim.chatRooms.size).toBe(rooms);
	});
});
