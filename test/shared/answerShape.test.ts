/**
 * What the error for an answer the nodes do not recognise tells a user: the HTTP status, the
 * content type and the shape of the body (its top-level keys, never their values).
 */
import { NodeApiError, type INode } from 'n8n-workflow';

import { describeAnswer, shapeOf, unrecognisedAnswer } from '../../nodes/shared/answerShape';

const node: INode = { id: '1', name: 'Service', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const json = { 'content-type': 'application/json; charset=utf-8' };

describe('describeAnswer', () => {
	test.each([
		['no body', undefined, 'an empty body'],
		['JSON null', null, 'JSON null'],
		['an empty text', '', 'an empty body'],
		['an empty object', {}, 'an empty JSON object'],
		['an object with one key', { token: 'secret-value' }, 'a JSON object with the key "token"'],
		['an object with two keys', { a: 1, b: 2 }, 'a JSON object with the keys "a", "b"'],
		['an empty list', [], 'a JSON array of 0 entries'],
		['a list of one', [{ id: 1 }], 'a JSON array of 1 entry'],
		['a list of three', [1, 2, 3], 'a JSON array of 3 entries'],
		// a list is never read again as text, even when its one entry is JSON text
		['a list holding JSON text of an object', ['{}'], 'a JSON array of 1 entry'],
		['a list holding JSON text of a list', ['[1,2]'], 'a JSON array of 1 entry'],
		['a number', 42, 'a JSON number'],
		['a boolean', true, 'a JSON boolean'],
		['a web page', '  <html><body>Login</body></html>', 'a web page'],
		['plain text', 'Service unavailable', 'text of 19 characters'],
		['broken JSON', '{"code": 1', 'broken JSON of 10 characters'],
		['a broken JSON list', '[1, 2', 'broken JSON of 5 characters'],
		['JSON text of an object', ' {"state": 1, "data": null}', 'a JSON object with the keys "state", "data"'],
		['JSON text of a list', '[{"a": 1}, {"a": 2}]', 'a JSON array of 2 entries'],
		['JSON text of a string', '"done"', 'text of 4 characters'],
		['a number as text', '42', 'text of 2 characters'],
		['text with a tag inside', 'a <b> b', 'text of 7 characters'],
		['text with a brace inside', 'see {x}', 'text of 7 characters'],
		['broken JSON after spaces', '  [1, 2', 'broken JSON of 7 characters'],
	])('%s', (_name, body, shape) => {
		expect(describeAnswer({ statusCode: 200, headers: json, body })).toBe(`HTTP 200, application/json, ${shape}`);
	});

	test('a body as bytes is read as UTF-8 text', () => {
		expect(describeAnswer({ statusCode: 502, headers: json, body: Buffer.from('{"error": "bad gateway"}') })).toBe(
			'HTTP 502, application/json, a JSON object with the key "error"',
		);
		expect(describeAnswer({ statusCode: 200, headers: json, body: Buffer.from('ok') })).toBe('HTTP 200, application/json, text of 2 characters');
	});

	test('the values never appear, only the keys: the first ten, each cut at 40 characters', () => {
		const body: Record<string, string> = {};
		for (let i = 1; i <= 12; i++) body[`key${i}`] = `secret-${i}`;
		body[`${'k'.repeat(45)}`] = 'secret-long';
		const text = describeAnswer({ statusCode: 200, headers: json, body });
		expect(text).toBe(
			'HTTP 200, application/json, a JSON object with the keys "key1", "key2", "key3", "key4", "key5", "key6", "key7", "key8", "key9", "key10" and 3 more',
		);
		expect(text).not.toContain('secret');
		expect(describeAnswer({ statusCode: 200, headers: json, body: { [`${'k'.repeat(45)}`]: 1 } })).toBe(
			`HTTP 200, application/json, a JSON object with the key "${'k'.repeat(40)}…"`,
		);
		// a key of exactly 40 characters is shown whole
		expect(describeAnswer({ statusCode: 200, headers: json, body: { [`${'k'.repeat(40)}`]: 1 } })).toBe(
			`HTTP 200, application/json, a JSON object with the key "${'k'.repeat(40)}"`,
		);
	});

	test.each([
		['nothing', undefined, 'nothing'],
		['JSON null', null, 'JSON null'],
		['empty text', '', 'empty text'],
		['a list', [1], 'a JSON array of 1 entry'],
	])('shapeOf names a value inside an answer: %s', (_name, value, shape) => {
		expect(shapeOf(value)).toBe(shape);
	});

	test('ten keys are listed without "more"', () => {
		const body = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
		expect(describeAnswer({ statusCode: 200, headers: json, body })).toBe(
			'HTTP 200, application/json, a JSON object with the keys "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"',
		);
	});

	test('the content type: found whatever the header name case, without its parameters; absent or empty named so', () => {
		expect(describeAnswer({ statusCode: 200, headers: { 'Content-Type': ' text/html ; charset=utf-8' }, body: '<p>' })).toBe('HTTP 200, text/html, a web page');
		expect(describeAnswer({ statusCode: 200, headers: { 'CONTENT-TYPE': 'text/plain' }, body: 'x' })).toBe('HTTP 200, text/plain, text of 1 characters');
		expect(describeAnswer({ statusCode: 200, headers: { 'content-type': '' }, body: 'x' })).toBe('HTTP 200, no content type, text of 1 characters');
		expect(describeAnswer({ statusCode: 200, headers: { 'content-type': ['text/plain'] }, body: 'x' })).toBe('HTTP 200, no content type, text of 1 characters');
		expect(describeAnswer({ statusCode: 200, headers: { 'x-content-type': 'text/plain' }, body: 'x' })).toBe('HTTP 200, no content type, text of 1 characters');
		expect(describeAnswer({ statusCode: 200, body: 'x' })).toBe('HTTP 200, no content type, text of 1 characters');
	});

	test('an unknown status is shown as "?"', () => {
		expect(describeAnswer({ headers: json, body: {} })).toBe('HTTP ?, application/json, an empty JSON object');
	});
});

describe('unrecognisedAnswer', () => {
	test('names the call, what arrived and what was expected, with the caution when the call may have acted', () => {
		const error = unrecognisedAnswer(node, 'Chat&Messenger', { statusCode: 200, headers: json, body: { ok: true } }, 3, {
			call: 'sendMessage',
			expected: 'a "result" list (Chat&Messenger API 2.4)',
			caution: 'The message may have been sent.',
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Chat&Messenger error 200: the answer to sendMessage is not in the expected shape (HTTP 200, application/json, a JSON object with the key "ok")',
		);
		expect(error.description).toBe(
			'Expected a "result" list (Chat&Messenger API 2.4). The message may have been sent. If your server answers in another shape, please report the shape named above.',
		);
		expect(error.httpCode).toBe('200');
		expect(error.context.itemIndex).toBe(3);
	});

	test('without a caution or a status', () => {
		const error = unrecognisedAnswer(node, 'YTX', { headers: {}, body: '' }, 0, { call: 'the conference call', expected: 'a "statusCode"' });
		expect(error.message).toBe('YTX error ?: the answer to the conference call is not in the expected shape (HTTP ?, no content type, an empty body)');
		expect(error.description).toBe('Expected a "statusCode". If your server answers in another shape, please report the shape named above.');
		expect(error.httpCode).toBeNull();
	});
});
