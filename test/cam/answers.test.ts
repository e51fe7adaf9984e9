/**
 * How Chat&Messenger answers are read and explained (nodes/ChatMessenger/shared/errors.ts), called
 * as the executor and the postReceive hooks call them: the `errors` of an answer in each shape the
 * service may use, the English explanation in front of it, and the answers that are not a result.
 */
import type { IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { describeErrors, describeHttpError, explain, hasErrors, readAnswer, resultOf } from '../../nodes/ChatMessenger/shared/errors';

const node = { id: '1', name: 'CAM', type: 'n8n-nodes-conferencing.chatMessenger', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

const TOKEN = 'the API token was rejected or lacks the permission (API access needs an Enterprise or higher cloud plan, or an on-premises install); check the credential';

const answer = (body: unknown, statusCode = 200, contentType = 'application/json'): IN8nHttpFullResponse => ({
	body: body as IN8nHttpFullResponse['body'],
	statusCode,
	headers: { 'content-type': contentType },
});

/** What `run` throws, as users see it. */
function thrown(run: () => unknown) {
	try {
		run();
	} catch (error) {
		const e = error as { name: string; message: string; description?: string | null; httpCode?: string | null; context?: { itemIndex?: unknown } };
		return { name: e.name, message: e.message, description: e.description, httpCode: e.httpCode, itemIndex: e.context?.itemIndex };
	}
	throw new Error('nothing was thrown');
}

describe('describeErrors', () => {
	test('text, numbers and booleans; lists of them; objects with a message and a code', () => {
		expect(describeErrors('invalid token')).toEqual({ code: 'errors', original: 'invalid token' });
		expect(describeErrors(['a', 2, true, null, '', undefined])).toEqual({ code: 'errors', original: 'a; 2; true' });
		expect(describeErrors([{ code: 'E1', message: 'first' }, { errorCode: 7, msg: 'second' }])).toEqual({ code: 'E1', original: 'E1: first; 7: second' });
		expect(describeErrors({ error: 'as error' })).toEqual({ code: 'errors', original: 'as error' });
		expect(describeErrors({ description: { detail: 'x' } })).toEqual({ code: 'errors', original: '{"detail":"x"}' });
		expect(describeErrors([{ message: 'no code' }, { code: 'LATER', message: 'with code' }])).toEqual({ code: 'LATER', original: 'no code; LATER: with code' });
	});

	test('a map of fields: each field with its value; nested objects read the same way', () => {
		expect(describeErrors({ expiry: 'too far', users: ['a@x.jp unknown', 'b@x.jp unknown'] })).toEqual({
			code: 'errors',
			original: 'expiry: too far; a@x.jp unknown; b@x.jp unknown',
		});
		expect(describeErrors({ 'messages[1]': { message: 'user not found' }, count: 3, flag: false })).toEqual({
			code: 'errors',
			original: 'user not found; count: 3; flag: false',
		});
		expect(describeErrors({ code: 'E9' })).toEqual({ code: 'E9', original: 'code: E9' });
	});

	test('nothing readable: the value itself; over 500 characters: cut', () => {
		expect(describeErrors({})).toEqual({ code: 'errors', original: '{}' });
		expect(describeErrors([null])).toEqual({ code: 'errors', original: '[null]' });
		expect(describeErrors(0)).toEqual({ code: 'errors', original: '0' });
		expect(describeErrors('x'.repeat(500))).toEqual({ code: 'errors', original: 'x'.repeat(500) });
		expect(describeErrors('x'.repeat(501))).toEqual({ code: 'errors', original: `${'x'.repeat(500)}…` });
	});
});

describe('explain', () => {
	test('by status, or by what the service said about the token', () => {
		expect(explain(401, '')).toBe(TOKEN);
		expect(explain(403, '')).toBe(TOKEN);
		expect(explain(200, 'Invalid apiToken')).toBe(TOKEN);
		expect(explain(undefined, 'invalid API token')).toBe(TOKEN);
		expect(explain(undefined, 'Unauthorised')).toBe(TOKEN);
		expect(explain(400, 'unauthorized user')).toBe(TOKEN);
		expect(explain(404, '')).toBe('the server does not know this API method (check the Server URL, and for on-premises installs the port, usually 8080)');
		expect(explain(429, '')).toBe('too many requests; lower "Max Concurrent Requests" or try again later');
		expect(explain(500, '')).toBe('the server failed');
		expect(explain(503, '')).toBe('the server failed');
		expect(explain(499, '')).toBe('the server refused the request');
		expect(explain(400, 'token missing')).toBe('the server refused the request');
		expect(explain(undefined, 'user not found')).toBe('the server refused the request');
	});
});

describe('hasErrors', () => {
	test('a non-empty errors value in a JSON object', () => {
		for (const body of [{ errors: 'x' }, { errors: ['x'] }, { errors: { a: 1 } }, { errors: true }, { errors: 0 }]) {
			expect([body, hasErrors(body)]).toEqual([body, true]);
		}
		for (const body of [null, undefined, 'errors', [{ errors: 'x' }], {}, { errors: null }, { errors: false }, { errors: '' }, { errors: [] }, { errors: {} }]) {
			expect([body, hasErrors(body)]).toEqual([body, false]);
		}
	});
});

describe('describeHttpError', () => {
	test('an HTTP error with errors: its code (or the status) and the explained text', () => {
		expect(describeHttpError({ status: 401, body: { errors: [{ code: 'invalidApiToken', message: 'Invalid apiToken' }] } })).toEqual({
			code: 'invalidApiToken',
			message: `${TOKEN}: invalidApiToken: Invalid apiToken`,
		});
		expect(describeHttpError({ status: 500, body: { errors: ['NullPointerException'] } })).toEqual({ code: '500', message: 'the server failed: NullPointerException' });
	});

	test('an HTTP error without errors: the status explained; a web page is named as such', () => {
		expect(describeHttpError({ status: 404, body: 'Not Found' })).toEqual({
			code: '404',
			message: 'the server does not know this API method (check the Server URL, and for on-premises installs the port, usually 8080)',
			description: undefined,
		});
		expect(describeHttpError({ status: 502, body: '  <html><body>Bad gateway</body></html>' })).toEqual({
			code: '502',
			message: 'the server failed',
			description: 'The server answered with a web page instead of JSON (a proxy or a wrong Server URL?)',
		});
		expect(describeHttpError({ status: 502, body: { html: '<p>' } })).toEqual({ code: '502', message: 'the server failed', description: undefined });
		expect(describeHttpError({ status: 502, body: ['<p>'] })).toEqual({ code: '502', message: 'the server failed', description: undefined });
		expect(describeHttpError({ status: 400, body: 'a < b' })).toEqual({ code: '400', message: 'the server refused the request', description: undefined });
		expect(describeHttpError({ status: 400, body: { errors: [] } })).toEqual({ code: '400', message: 'the server refused the request', description: undefined });
	});
});

describe('readAnswer', () => {
	test('a JSON object without errors is the answer, as an object, a text or bytes', () => {
		expect(readAnswer(node, answer({ ok: 1 }), 0, 'sendMessage')).toEqual({ ok: 1 });
		expect(readAnswer(node, answer(' {"ok":1} '), 0, 'sendMessage')).toEqual({ ok: 1 });
		expect(readAnswer(node, answer(Buffer.from('{"名前":"会議室"}')), 0, 'sendMessage')).toEqual({ 名前: '会議室' });
	});

	test('errors, even with HTTP 200: the service’s words, its code or the status, the item', () => {
		expect(thrown(() => readAnswer(node, answer({ errors: ['chat room not found: Nope'] }), 3, 'sendMessage'))).toEqual({
			name: 'NodeApiError',
			message: 'Chat&Messenger error 200: the server refused the request: chat room not found: Nope',
			description: 'The server answered: chat room not found: Nope',
			httpCode: '200',
			itemIndex: 3,
		});
		expect(thrown(() => readAnswer(node, answer({ errors: [{ code: 'invalidApiToken', message: 'Invalid apiToken' }] }, 401), 0, 'sendMessage'))).toMatchObject({
			message: `Chat&Messenger error invalidApiToken: ${TOKEN}: invalidApiToken: Invalid apiToken`,
			httpCode: '401',
		});
		// with HTTP 200 the explanation comes from the words alone, never from the status
		expect(thrown(() => readAnswer(node, answer({ errors: 'quota' }, 200), 0, 'sendMessage')).message).toBe('Chat&Messenger error 200: the server refused the request: quota');
		expect(thrown(() => readAnswer(node, answer({ errors: 'quota' }, 429), 0, 'sendMessage')).message).toBe(
			'Chat&Messenger error 429: too many requests; lower "Max Concurrent Requests" or try again later: quota',
		);
	});

	test('an empty answer, broken JSON, a web page: named, with what arrived and what may have happened', () => {
		expect(thrown(() => readAnswer(node, answer(''), 1, 'sendMessage'))).toEqual({
			name: 'NodeApiError',
			message: 'Chat&Messenger error 200: the server sent an empty answer instead of JSON',
			description: 'It arrived as HTTP 200, application/json, an empty body. The message may have been sent: check before running the item again.',
			httpCode: '200',
			itemIndex: 1,
		});
		expect(thrown(() => readAnswer(node, answer(' \n '), 0, 'sendMessage')).message).toBe('Chat&Messenger error 200: the server sent an empty answer instead of JSON');
		expect(thrown(() => readAnswer(node, answer(Buffer.from('')), 0, 'sendMessage')).message).toBe('Chat&Messenger error 200: the server sent an empty answer instead of JSON');
		expect(thrown(() => readAnswer(node, answer(undefined), 0, 'sendMessage')).message).toBe('Chat&Messenger error 200: the server sent an empty answer instead of JSON');
		expect(thrown(() => readAnswer(node, answer(null), 0, 'getConferenceRooms'))).toMatchObject({
			message: 'Chat&Messenger error 200: the server sent an empty answer instead of JSON',
			description: 'It arrived as HTTP 200, application/json, JSON null.',
		});
		expect(thrown(() => readAnswer(node, answer('{"broken'), 0, 'createQuickCall'))).toMatchObject({
			message: 'Chat&Messenger error 200: the server sent an answer that is not valid JSON',
			description: 'It arrived as HTTP 200, application/json, broken JSON of 8 characters. The server answered: {"broken A quick call may have been created.',
		});
		const page = `<html>\n<body><h1>Sign   in</h1>${'p'.repeat(400)}</body></html>`;
		expect(thrown(() => readAnswer(node, answer(page, 200, 'text/html'), 0, 'updateChatRoom'))).toEqual({
			name: 'NodeApiError',
			message: 'Chat&Messenger error 200: the server answered with a web page instead of JSON (a proxy or a wrong Server URL?)',
			description: `It arrived as HTTP 200, text/html, a web page. The server answered: Sign in ${'p'.repeat(292)} The chat room may have been created or changed: check before running the item again.`,
			httpCode: '200',
			itemIndex: 0,
		});
		// not a 2xx: nothing may have happened, no caution
		expect(thrown(() => readAnswer(node, answer('oops', 302, 'text/plain'), 0, 'sendMessages')).description).toBe('It arrived as HTTP 302, text/plain, text of 4 characters. The server answered: oops');
		expect(thrown(() => readAnswer(node, answer('oops', 300, 'text/plain'), 0, 'sendMessages')).description).toBe('It arrived as HTTP 300, text/plain, text of 4 characters. The server answered: oops');
		expect(thrown(() => readAnswer(node, answer('oops', 199, 'text/plain'), 0, 'sendMessages')).description).toBe('It arrived as HTTP 199, text/plain, text of 4 characters. The server answered: oops');
		expect(thrown(() => readAnswer(node, answer('oops', 299, 'text/plain'), 0, 'sendMessages')).description).toMatch(/The messages may have been sent: check before running the items again\.$/);
	});

	test('JSON that is not an object: not in the expected shape', () => {
		expect(thrown(() => readAnswer(node, answer([]), 2, 'sendMessages'))).toEqual({
			name: 'NodeApiError',
			message: 'Chat&Messenger error 200: the answer to sendMessages is not in the expected shape (HTTP 200, application/json, a JSON array of 0 entries)',
			description:
				'Expected a JSON object (the vendor’s client reads its "errors"). The messages may have been sent: check before running the items again. If your server answers in another shape, please report the shape named above.',
			httpCode: '200',
			itemIndex: 2,
		});
		expect(thrown(() => readAnswer(node, answer('"ok"'), 0, 'sendMessage')).message).toMatch(/^Chat&Messenger error 200: the answer to sendMessage is not in the expected shape \(HTTP 200, application\/json, /);
		expect(thrown(() => readAnswer(node, answer(5), 0, 'getConferenceMaster')).description).toBe(
			'Expected a JSON object (the vendor’s client reads its "errors"). If your server answers in another shape, please report the shape named above.',
		);
	});
});

describe('resultOf', () => {
	test('the result where the method’s answer carries it', () => {
		const rooms = [{ id: 'a' }, { id: 'b' }];
		expect(resultOf(node, answer({ conferenceRooms: rooms, other: 1 }), 0, 'getConferenceRooms')).toEqual(rooms);
		expect(resultOf(node, answer({ conferenceRooms: [] }), 0, 'getConferenceMaster')).toEqual([]);
		expect(resultOf(node, answer({ conferenceRoomStatus: { conferenceRooms: rooms } }), 0, 'getConferenceRoomStatus')).toEqual(rooms);
		expect(resultOf(node, answer({ chatRoom: { id: 'r1' } }), 0, 'updateChatRoom')).toEqual({ id: 'r1' });
		expect(resultOf(node, answer({ url: ' https://cam.example.com/q/1 ' }), 0, 'createQuickCall')).toBe('https://cam.example.com/q/1');
		expect(resultOf(node, answer({ url: 'HTTP://cam.example.com/q/1' }), 0, 'createQuickCall')).toBe('HTTP://cam.example.com/q/1');
		// methods without a result key: the whole answer
		expect(resultOf(node, answer({ any: 'thing' }), 0, 'sendMessage')).toEqual({ any: 'thing' });
	});

	test('anything else where the result belongs is an error naming what arrived and what was expected', () => {
		const notRead: Array<[Parameters<typeof resultOf>[3], unknown, string]> = [
			['getConferenceRooms', { conferenceRooms: [{ id: 'a' }, 'b'] }, '"conferenceRooms" holding a list of objects (assumed: the key getConferenceMaster documents)'],
			['getConferenceRooms', { conferenceRooms: [[]] }, '"conferenceRooms" holding a list of objects (assumed: the key getConferenceMaster documents)'],
			['getConferenceRooms', { conferenceRooms: [null] }, '"conferenceRooms" holding a list of objects (assumed: the key getConferenceMaster documents)'],
			['getConferenceRooms', { conferenceRooms: { a: {} } }, '"conferenceRooms" holding a list of objects (assumed: the key getConferenceMaster documents)'],
			['getConferenceRoomStatus', { conferenceRoomStatus: [{ conferenceRooms: [] }] }, '"conferenceRoomStatus.conferenceRooms" holding a list of objects'],
			['getConferenceRoomStatus', { conferenceRoomStatus: null }, '"conferenceRoomStatus.conferenceRooms" holding a list of objects'],
			['updateChatRoom', { chatRoom: null }, '"chatRoom" holding an object (as the vendor’s sample reads it)'],
			['updateChatRoom', { chatRoom: [{ id: 'r1' }] }, '"chatRoom" holding an object (as the vendor’s sample reads it)'],
			['updateChatRoom', { chatRoom: 'r1' }, '"chatRoom" holding an object (as the vendor’s sample reads it)'],
			['createQuickCall', { url: 'ftp://cam.example.com/q/1' }, '"url" holding an http(s) URL (assumed: no document shows this answer)'],
			['createQuickCall', { url: 'https://cam.example.com/q 1' }, '"url" holding an http(s) URL (assumed: no document shows this answer)'],
			['createQuickCall', { url: 'see https://cam.example.com/q/1' }, '"url" holding an http(s) URL (assumed: no document shows this answer)'],
			['createQuickCall', { url: 'https://' }, '"url" holding an http(s) URL (assumed: no document shows this answer)'],
			['createQuickCall', { url: ['https://cam.example.com/q/1'] }, '"url" holding an http(s) URL (assumed: no document shows this answer)'],
		];
		for (const [call, body, expected] of notRead) {
			const error = thrown(() => resultOf(node, answer(body), 4, call));
			expect([call, body, error.message.startsWith(`Chat&Messenger error 200: the answer to ${call} is not in the expected shape (HTTP 200, application/json, a JSON object`)]).toEqual([call, body, true]);
			expect([call, body, error.description]).toEqual([call, body, expect.stringContaining(`Expected ${expected}`)]);
			expect(error.itemIndex).toBe(4);
		}
		expect(thrown(() => resultOf(node, answer({ url: 5 }), 0, 'createQuickCall')).description).toBe(
			'Expected "url" holding an http(s) URL (assumed: no document shows this answer). A quick call may have been created. If your server answers in another shape, please report the shape named above.',
		);
		expect(thrown(() => resultOf(node, answer({ rooms: [] }), 0, 'getConferenceMaster')).message).toBe(
			'Chat&Messenger error 200: the answer to getConferenceMaster is not in the expected shape (HTTP 200, application/json, a JSON object with the key "rooms")',
		);
	});
});
