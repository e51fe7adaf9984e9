/**
 * What every provider tells a user the same way: refused inputs, values shown in messages, the text
 * of an HTTP status, "Limit"; URL path segments; the rules of credential tests.
 */
import { NodeOperationError, type IExecuteSingleFunctions, type INode } from 'n8n-workflow';

import { allStatusesBut, rejectedCodes, requiredKeys, statusRules, testRules } from '../../nodes/shared/credentialTest';
import { defaultStatusText, inputError, readLimit, show } from '../../nodes/shared/errors';
import { pathSegment } from '../../nodes/shared/pathSegment';

const node = { id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const ctx = { getNode: () => node };

describe('inputError', () => {
	test('names the item, keeps the description, and takes a node or an execute context', () => {
		for (const source of [node, ctx]) {
			const error = inputError(source, '"Topic" is empty', 4, 'Give the meeting a topic');
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('"Topic" is empty (item 4)');
			expect(error.description).toBe('Give the meeting a topic');
			expect(error.context.itemIndex).toBe(4);
			expect(error.node).toBe(node);
		}
	});
});

describe('show', () => {
	test('JSON by default (strings in quotes), a string as it is with text', () => {
		expect(show('abc')).toBe('"abc"');
		expect(show('abc', { text: true })).toBe('abc');
		expect(show(42, { text: true })).toBe('42');
		// `text` shows a string as it is; anything else is still JSON
		expect(show({ a: 1 }, { text: true })).toBe('{"a":1}');
		expect(show(['x'], { text: true })).toBe('["x"]');
		expect(show({ a: [1, null] })).toBe('{"a":[1,null]}');
		expect(show(undefined)).toBe('undefined');
	});

	test('cut at 80 characters by default, or at max', () => {
		const eighty = 'x'.repeat(80);
		expect(show(eighty, { text: true })).toBe(eighty);
		expect(show(`${eighty}y`, { text: true })).toBe(`${eighty}…`);
		expect(show('abcdef', { max: 5 })).toBe('"abcd…');
		expect(show('abc', { max: 5 })).toBe('"abc"');
	});
});

describe('defaultStatusText', () => {
	test.each([
		[401, 'the credentials were rejected'],
		[403, 'the credentials were rejected'],
		[404, 'not found'],
		[429, 'too many requests (rate limit); try again later or lower "Max Concurrent Requests"'],
		[500, 'the server failed (HTTP 500)'],
		[503, 'the server failed (HTTP 503)'],
		[499, 'the request was refused (HTTP 499)'],
		[400, 'the request was refused (HTTP 400)'],
		[undefined, 'the request was refused (HTTP 0)'],
	])('HTTP %p: %s', (status, text) => {
		expect(defaultStatusText(status)).toBe(text);
	});
});

describe('readLimit', () => {
	const reading = (parameters: Record<string, unknown>, itemIndex = 2) =>
		({
			getNode: () => node,
			getItemIndex: () => itemIndex,
			getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		}) as unknown as IExecuteSingleFunctions;

	test('Return All is no limit; otherwise the Limit, 50 when unset', () => {
		expect(readLimit(reading({ returnAll: true, limit: 3 }))).toBe(Infinity);
		expect(readLimit(reading({ returnAll: false, limit: 3 }))).toBe(3);
		expect(readLimit(reading({ limit: '7' }))).toBe(7);
		expect(readLimit(reading({ limit: 1 }))).toBe(1);
		expect(readLimit(reading({}))).toBe(50);
	});

	test.each([
		[0, '0'],
		[-3, '-3'],
		[2.5, '2.5'],
		['many', '"many"'],
		[Number.NaN, 'NaN'],
	])('refuses %p before any request, naming the item', (limit, shown) => {
		expect(() => readLimit(reading({ limit }))).toThrow(`"Limit" must be a whole number of at least 1, got ${shown} (item 2)`);
	});
});

describe('pathSegment', () => {
	test('encodes a value as one path segment', () => {
		expect(pathSegment(ctx, 'a b/c?d#e', 'Room', 0)).toBe('a%20b%2Fc%3Fd%23e');
		expect(pathSegment(ctx, 85746065432, 'Meeting ID', 0)).toBe('85746065432');
		expect(pathSegment(ctx, '.well', 'Room', 0)).toBe('.well');
		expect(pathSegment(ctx, 'a..', 'Room', 0)).toBe('a..');
		expect(pathSegment(ctx, { id: 1 }, 'Room', 0)).toBe('%7B%22id%22%3A1%7D');
	});

	test.each([undefined, null, '', '   '])('refuses %p as empty, naming the field and the item', (value) => {
		let error: NodeOperationError | undefined;
		try {
			pathSegment(ctx, value, 'Room', 3);
		} catch (e) {
			error = e as NodeOperationError;
		}
		expect(error?.message).toBe('"Room" is empty (item 3)');
		expect(error?.description).toBe('"Room" goes into the request\'s URL path: it must name one item, not be empty or dots only');
		expect(error?.context.itemIndex).toBe(3);
	});

	test.each([
		['.', '"."'],
		['..', '".."'],
		[' .. ', '" .. "'],
		['...', '"..."'],
	])('refuses %p, which would change the endpoint', (value, shown) => {
		expect(() => pathSegment(ctx, value, 'Room', 1)).toThrow(`"Room" cannot be ${shown} (item 1)`);
	});
});

describe('credential test rules', () => {
	test('every status from 100 to 599 but the allowed ones', () => {
		const statuses = allStatusesBut(200, 204);
		expect(statuses).toHaveLength(498);
		expect(statuses[0]).toBe(100);
		expect(statuses[statuses.length - 1]).toBe(599);
		expect(statuses).not.toContain(200);
		expect(statuses).not.toContain(204);
		expect(statuses).toContain(201);
	});

	test('status messages, then every redirect named as one', () => {
		const rules = statusRules('Svc', { 401: 'The key was rejected', 403: 'Not allowed' });
		expect(rules.slice(0, 2)).toEqual([
			{ type: 'responseCode', properties: { value: 401, message: 'The key was rejected' } },
			{ type: 'responseCode', properties: { value: 403, message: 'Not allowed' } },
		]);
		expect(rules.slice(2).map((rule) => rule.properties.value)).toEqual([301, 302, 303, 307, 308]);
		expect(rules[2]).toEqual({
			type: 'responseCode',
			properties: {
				value: 301,
				message:
					'Svc answered with a redirect (HTTP 301) instead of an API answer, usually to a login page of a proxy or single sign-on gateway: the key was not accepted there, or the URL is not the API\'s',
			},
		});
	});

	test('required keys fail when missing; rejected codes match as a string and as a number', () => {
		expect(requiredKeys(['code', 'data'], 'Not the API')).toEqual([
			{ type: 'responseSuccessBody', properties: { key: 'code', value: undefined, message: 'Not the API' } },
			{ type: 'responseSuccessBody', properties: { key: 'data', value: undefined, message: 'Not the API' } },
		]);
		expect(rejectedCodes('statusCode', { '-202': 'Wrong SID' })).toEqual([
			{ type: 'responseSuccessBody', properties: { key: 'statusCode', value: '-202', message: 'Wrong SID' } },
			{ type: 'responseSuccessBody', properties: { key: 'statusCode', value: -202, message: 'Wrong SID' } },
		]);
		const a = requiredKeys(['a'], 'm');
		const b = rejectedCodes('c', { 1: 'n' });
		expect(testRules(a, b)).toEqual([...a, ...b]);
	});
});
