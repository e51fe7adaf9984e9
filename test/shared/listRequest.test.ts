/**
 * The shared parts of the editor's list calls that no provider suite reaches in every form: how an
 * answer of the wrong shape is named in the drop-down's error, and the search filter of "From List".
 */
import type { ILoadOptionsFunctions, INode } from 'n8n-workflow';

import { matchesFilter, unexpectedListAnswer } from '../../nodes/shared/listRequest';

const node = { name: 'Node', type: 'n8n-nodes-conferencing.test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const ctx = { getNode: () => node } as unknown as ILoadOptionsFunctions;
const messageFor = (body: unknown) => unexpectedListAnswer(ctx, 'Service', 'a list of rooms', body).message;

describe('unexpectedListAnswer', () => {
	test.each<[string, unknown, string]>([
		['an empty text', '', 'an empty answer'],
		['null', null, 'an empty answer'],
		['nothing', undefined, 'an empty answer'],
		['a list', [{}, {}], 'a list of 2'],
		['an object', { rooms: [], total: 0 }, 'an object with the keys rooms, total'],
		['an object without keys', {}, 'an object with the keys (none)'],
		['a web page', '  <html><body>Sign in</body></html>', 'an HTML page'],
		['other text', 'Service Unavailable', 'a text of 19 characters'],
	])('%s: named in the message', (_label, body, arrived) => {
		expect(messageFor(body)).toBe(`Service: the list answer is not a list of rooms: got ${arrived}`);
	});

	test('an object with many keys: the first ten named', () => {
		const body = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]));
		expect(messageFor(body)).toBe('Service: the list answer is not a list of rooms: got an object with the keys k0, k1, k2, k3, k4, k5, k6, k7, k8, k9');
	});

	test('the description points at the credential’s base URL', () => {
		expect(unexpectedListAnswer(ctx, 'Service', 'a list', 'x').description).toBe('Check the credential’s base URL: it must be the service’s API address');
	});
});

describe('matchesFilter', () => {
	test('no search text, or only spaces: every entry matches, even one without the fields', () => {
		for (const filter of [undefined, '', '   ']) {
			expect([filter, matchesFilter(filter, 'Room A'), matchesFilter(filter), matchesFilter(filter, undefined, null)]).toEqual([filter, true, true, true]);
		}
	});

	test('case-insensitive, in any field, trimmed; numbers match by their digits; missing fields never match', () => {
		expect(matchesFilter(' room a ', 'Big ROOM A', 'x')).toBe(true);
		expect(matchesFilter('486', undefined, 486)).toBe(true);
		expect(matchesFilter('b', 'Room A', undefined, null)).toBe(false);
		expect(matchesFilter('undefined', undefined)).toBe(false);
		expect(matchesFilter('null', null)).toBe(false);
	});
});
