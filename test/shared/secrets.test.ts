/**
 * The pack's one masking mechanism: which forms of a secret are masked where, and what is left alone.
 */
import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { SecretMask } from '../../nodes/shared/secrets';
import { signedValues, ytxAuthorization, ytxSign, ytxStamp } from '../../nodes/YtxTelephony/shared/signing';

const node = { id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

describe('SecretMask', () => {
	test('masks a secret as sent, URL-encoded, and in base64 with and without padding', () => {
		const secret = 'k3y/with+chars';
		const mask = new SecretMask().add(secret);
		const b64 = Buffer.from(secret).toString('base64');
		expect(b64.endsWith('=')).toBe(true);
		const text = `a ${secret} b ${encodeURIComponent(secret)} c ${b64} d ${b64.replace(/=+$/, '')} e`;
		expect(mask.text(text)).toBe('a *** b *** c *** d *** e');
	});

	test('a field read when masking: a token that arrives during the run is masked', () => {
		const credential: IDataObject = { clientSecret: 'secret-value-1' };
		const mask = new SecretMask().watch(credential, ['clientSecret', 'accessToken']);
		expect(mask.text('token tok-fetched-later')).toBe('token tok-fetched-later');
		credential.accessToken = 'tok-fetched-later';
		expect(mask.text('token tok-fetched-later')).toBe('token ***');
	});

	test('errors also lose any Bearer/Basic value; output keeps text that only looks like one', () => {
		const mask = new SecretMask().add('known-secret');
		const text = 'Authorization: Bearer abcdef123456 and Basic dXNlcjpwYXNz and known-secret';
		expect(mask.errorText(text)).toBe('Authorization: Bearer *** and Basic *** and ***');
		expect(mask.text(text)).toBe('Authorization: Bearer abcdef123456 and Basic dXNlcjpwYXNz and ***');
	});

	test('values shorter than 4 characters are not treated as secrets (they would corrupt ordinary data)', () => {
		const mask = new SecretMask().add('800', 'abcd');
		expect(mask.text('room 8000000, key abcd')).toBe('room 8000000, key ***');
	});

	test('output items: strings masked deeply, the item object reused when nothing changed', () => {
		const mask = new SecretMask().add('s3cr3t-token');
		// a user's own "Bearer …" text is data, not one of the run's secrets: left as it is in output
		const clean = { json: { a: 'x', list: ['y'], note: 'Authorization: Bearer user-own-value' } };
		const dirty = { json: { a: 'x', nested: { list: ['has s3cr3t-token inside', 2] } }, binary: {} };
		const [first, second] = mask.items([clean, dirty]);
		expect(first).toBe(clean);
		expect(second.json).toEqual({ a: 'x', nested: { list: ['has *** inside', 2] } });
		expect(dirty.json.nested.list[0]).toBe('has s3cr3t-token inside');
	});

	test('errors: every field n8n keeps is masked, the cause reduced to its masked message', () => {
		const mask = new SecretMask().add('s3cr3t-token');
		const error = new NodeApiError(node, { message: 'echo s3cr3t-token', headers: { authorization: 'Bearer s3cr3t-token' } } as JsonObject, {
			message: 'failed with s3cr3t-token',
			description: 'see s3cr3t-token',
		});
		error.context.request = { headers: { 'X-Token': 's3cr3t-token' } };
		(error as { cause?: unknown }).cause = { message: 'socket s3cr3t-token', config: { headers: { auth: 's3cr3t-token' } } };
		mask.error(error);
		const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack, cause: (error as { cause?: unknown }).cause });
		expect(everything).not.toContain('s3cr3t-token');
		expect(error.message).toBe('failed with ***');
		expect(error.description).toBe('see ***');
		expect((error as { cause?: unknown }).cause).toEqual({ message: 'socket ***' });
	});
});

describe('SecretMask, edges', () => {
	test('a secret of exactly 4 characters is masked, of 3 is not, and a watched short field is ignored too', () => {
		const source = { short: 'abc', ok: 'wxyz' };
		const mask = new SecretMask().add('abcd', 'xyz', 42).watch(source, ['short', 'ok', 'missing']);
		expect(mask.text('abcd xyz abc wxyz 42')).toBe('*** xyz abc *** 42');
		// nor any form of a short one (base64 of "xyz" is "eHl6")
		expect(mask.text('eHl6 YWJj')).toBe('eHl6 YWJj');
	});

	test('base64 with two padding characters is masked without them too', () => {
		const mask = new SecretMask().add('abcd');
		expect(Buffer.from('abcd').toString('base64')).toBe('YWJjZA==');
		expect(mask.text('a YWJjZA== b YWJjZA c')).toBe('a *** b *** c');
	});

	test('no source to watch is no secret; the mask follows watched fields that change', () => {
		expect(new SecretMask().watch(undefined, ['token']).add('abcd').text('abcd')).toBe('***');
		const source: Record<string, string> = { a: 'abcd', b: 'efgh' };
		const mask = new SecretMask().watch(source, ['a', 'b']);
		expect(mask.text('abcd efgh abcdefgh')).toBe('*** *** ******');
		source.a = 'abcdefgh';
		delete source.b;
		expect(mask.text('abcdefgh efgh')).toBe('*** efgh');
	});

	test('a secret inside a longer one leaves no tail; special characters are taken literally', () => {
		const mask = new SecretMask().add('token', 'token-and-more', 'a.b*c');
		expect(mask.text('x token-and-more y token z a.b*c w axbbc')).toBe('x *** y *** z *** w axbbc');
	});

	test('nothing to mask: text, values and items come back as they are', () => {
		const mask = new SecretMask();
		const items = [{ json: { a: 'Bearer abcdefgh' } }];
		expect(mask.text('plain')).toBe('plain');
		expect(mask.items(items)).toBe(items);
		expect(mask.value(items[0].json)).toBe(items[0].json);
	});

	test('Bearer and Basic values in errors, separated by a space, %20 or +, six characters or more', () => {
		const mask = new SecretMask();
		expect(mask.errorText('bearer%20abcdef, Basic+dXNlcjpw==, BEARER  tok.en~1/2-3_4')).toBe('bearer%20***, Basic+***, BEARER  ***');
		expect(mask.errorText('Bearer abcde, Bearerabcdefgh, a Basic idea')).toBe('Bearer abcde, Bearerabcdefgh, a Basic idea');
	});

	test('values: arrays and objects copied only where something changed; buffers, numbers and cycles left alone', () => {
		const mask = new SecretMask().add('s3cr3t');
		const buffer = Buffer.from('s3cr3t');
		const cyclic: Record<string, unknown> = { name: 'loop' };
		cyclic.self = cyclic;
		const input = { list: ['a', 's3cr3t', 1, null], same: ['b'], buffer, cyclic, n: 5 };
		const out = mask.value(input);
		expect(out).not.toBe(input);
		expect(out.list).toEqual(['a', '***', 1, null]);
		expect(out.same).toBe(input.same);
		expect(out.buffer).toBe(buffer);
		expect(out.cyclic).toBe(cyclic);
		expect(input.list[1]).toBe('s3cr3t');
		expect(mask.value(['x', ['y']])).toEqual(['x', ['y']]);
		expect(mask.value('Bearer abcdefgh', true)).toBe('Bearer ***');
		expect(mask.value('Bearer abcdefgh')).toBe('Bearer abcdefgh');
	});

	test('errors: the stack is masked, a cause that is not an error becomes its masked text, fields left unset stay unset', () => {
		const mask = new SecretMask().add('s3cr3t');
		const error = new Error('boom s3cr3t') as Error & { cause?: unknown; description?: unknown; context?: unknown };
		error.stack = 'Error: boom s3cr3t\n    at Bearer abcdefgh';
		error.cause = 'plain s3cr3t';
		const same = mask.error(error);
		expect(same).toBe(error);
		expect(error.message).toBe('boom ***');
		expect(error.stack).toBe('Error: boom ***\n    at Bearer ***');
		expect(error.cause).toEqual({ message: 'plain ***' });
		expect('description' in error).toBe(false);
		expect('context' in error).toBe(false);
		const withUndefinedCause = new Error('x') as Error & { cause?: unknown };
		mask.error(withUndefinedCause);
		expect('cause' in withUndefinedCause).toBe(false);
		const nullCause = Object.assign(new Error('z'), { cause: null });
		mask.error(nullCause);
		expect(nullCause.cause).toEqual({ message: 'null' });
		const noStack = Object.assign(new Error('w s3cr3t'), { stack: undefined });
		mask.error(noStack);
		expect(noStack.stack).toBeUndefined();
		expect(noStack.message).toBe('w ***');
		const objectCause = Object.assign(new Error('y'), { cause: { code: 7 } });
		mask.error(objectCause);
		expect(objectCause.cause).toEqual({ message: '[object Object]' });
	});

	test('errors: description, messages, errorResponse and context masked with the Bearer rule too', () => {
		const mask = new SecretMask().add('s3cr3t');
		const error = Object.assign(new Error('m'), {
			description: 'd s3cr3t',
			messages: ['Bearer abcdefgh'],
			errorResponse: { body: 's3cr3t' },
			context: { url: '/x?k=s3cr3t' },
		});
		mask.error(error);
		expect([error.description, error.messages, error.errorResponse, error.context]).toEqual(['d ***', ['Bearer ***'], { body: '***' }, { url: '/x?k=***' }]);
	});
});

describe('YTX signed values', () => {
	test('every second from one before sending to the answer, Sign (both cases) and Authorization', () => {
		const credentials = { accountSid: 'sid0001', authToken: 'tokenABCDEF' };
		const sentAt = new Date('2026-11-30T01:00:00.400Z');
		const answeredAt = new Date('2026-11-30T01:00:02.100Z');
		const values = signedValues(credentials, sentAt, answeredAt);
		const stamps = ['20261130085959', '20261130090000', '20261130090001', '20261130090002'];
		expect(stamps.map((s) => ytxStamp(new Date(`2026-11-30T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12)}+08:00`)))).toEqual(stamps);
		for (const stamp of stamps) {
			const sign = ytxSign('sid0001', 'tokenABCDEF', stamp);
			expect(values).toEqual(expect.arrayContaining([sign, sign.toLowerCase(), ytxAuthorization('sid0001', stamp)]));
		}
		expect(values).toHaveLength(stamps.length * 3);
	});
});
