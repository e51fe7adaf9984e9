/**
 * Zijing Cloud node: what each field accepts (and how it goes out) and what it refuses, with which
 * text, before any request — through n8n's real execution engine, against the simulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { zijingNode } from '../simulators/zijing';
import { zijingSuite } from './common';

const { sim, engine } = zijingSuite();

const run = async (parameters: IDataObject, credentialId?: string) => await engine.run([zijingNode(parameters, { credentialId })]);
/** The JSON body of the only request sent (and that exactly one went out). */
const sentBody = () => {
	expect(sim.log).toHaveLength(1);
	return sim.log[0].json;
};
const refused = async (parameters: IDataObject, message: string, description?: string) => {
	const error = (await run(parameters)).error('Zijing');
	expect([error?.message, error?.description]).toEqual([message, description]);
	expect(sim.log).toHaveLength(0);
};

describe('Conference Number, Recording ID, Booking ID, Account', () => {
	const status = (conferenceKey: string) => ({ resource: 'recording', operation: 'getStatus', conferenceKey });

	test('a number from an expression goes out as text, in the body and in the query', async () => {
		await run(status('={{ 8000000 }}'));
		expect(sentBody()).toEqual({ conferenceKey: '8000000' });
		sim.reset();
		await run({ resource: 'meeting', operation: 'get', conferenceKey: '={{ 8000000 }}' });
		expect(sim.requests('GET', '/api/getmeetinginfo').map((r) => r.query)).toEqual([{ addr: '8000000' }]);
	});

	test('50 characters are sent; nothing or null is "empty", with what is expected', async () => {
		const fifty = '8'.repeat(50);
		await run(status(fifty));
		expect(sentBody()).toEqual({ conferenceKey: fifty });
		sim.reset();
		for (const empty of ['={{ null }}', '={{ undefined }}', '={{ "  " }}']) {
			await refused(status(empty), '"Conference Number" is empty (item 0)', 'Expected the meeting room’s short number without spaces, e.g. 8000000');
		}
	});

	test('true or a list is refused as not text', async () => {
		const expected = 'Expected the meeting room’s short number without spaces, e.g. 8000000';
		await refused(status('={{ true }}'), '"Conference Number" must be text, got boolean true (item 0)', expected);
		await refused(status('={{ [8000000] }}'), '"Conference Number" must be text, got a list (item 0)', expected);
	});

	test('the other IDs are trimmed, and refused with spaces inside', async () => {
		await run({ resource: 'booking', operation: 'cancel', bookingId: ' 1430 ' });
		expect(sentBody()).toEqual({ st_id: '1430' });
		sim.reset();
		await refused({ resource: 'booking', operation: 'cancel', bookingId: '14 30' }, '"Booking ID" must be the booking’s id (from Create or Get Many), without spaces, got "14 30" (item 0)');
		await refused(
			{ resource: 'recording', operation: 'deleteFile', recordId: 'a b' },
			'"Recording ID" must be the recordId returned by Start or Stop Recording, without spaces, got "a b" (item 0)',
		);
		await run({ resource: 'booking', operation: 'getMany', account: ' admin@miwei.com ', returnAll: true });
		expect(sim.requests('GET', '/subscribe/getsubmeetings').map((r) => r.query)).toEqual([{ account: 'admin@miwei.com' }]);
	});

	test.each(['a@b@c', 'ad min@miwei.com', '@miwei.com', 'admin@ x'])('the account %p is refused', async (account) => {
		await refused(
			{ resource: 'booking', operation: 'getMany', account, returnAll: true },
			`"Account" must be a user account in the form name@domain, e.g. admin@example.com, got "${account}" (item 0)`,
		);
	});
});

describe('Recording → Get Files: Origin and the download settings', () => {
	const files = (options: IDataObject, download = false) => ({ resource: 'recording', operation: 'getFiles', recordId: 'abc', download, options });

	test('an origin is trimmed; an empty or null one is not sent; 128 characters are sent', async () => {
		for (const [origin, sent] of [
			[' https://api.zijing.test ', { recordId: 'abc', origin: 'https://api.zijing.test' }],
			['', { recordId: 'abc' }],
			['   ', { recordId: 'abc' }],
			[null, { recordId: 'abc' }],
			['={{ null }}', { recordId: 'abc' }],
			[`http://${'a'.repeat(121)}`, { recordId: 'abc', origin: `http://${'a'.repeat(121)}` }],
		] as const) {
			sim.reset();
			await run(files({ origin }));
			expect(sentBody()).toEqual(sent);
		}
	});

	test.each([
		[`https://${'a'.repeat(121)}`, `"Origin" is longer than 128 characters (129): "https://${'a'.repeat(32)}…" (item 0)`],
		['ftp://files.example.com', '"Origin" must be an http(s) address such as https://api.example.com, got "ftp://files.example.com" (item 0)'],
		['git+https://files.example.com', '"Origin" must be an http(s) address such as https://api.example.com, got "git+https://files.example.com" (item 0)'],
		['files.example.com', '"Origin" must be an http(s) address such as https://api.example.com, got "files.example.com" (item 0)'],
		[5, '"Origin" must be an http(s) address such as https://api.example.com, got "5" (item 0)'],
		[true, '"Origin" must be text, got boolean true (item 0)'],
		[['https://x'], '"Origin" must be text, got a list (item 0)'],
	])('origin %p is refused', async (origin, message) => {
		await refused(files({ origin }), message);
	});

	test('an origin or output field of Infinity is refused, shown as written (not as null)', async () => {
		await refused(files({ origin: '={{ Infinity }}' }), '"Origin" must be text, got number Infinity (item 0)');
		await refused(files({ binaryPropertyName: '={{ -Infinity }}' }, true), '"Put Output File in Field" must be text, got number -Infinity (item 0)');
	});

	test('a download timeout of 1 ms is taken; 0, Infinity and text are refused', async () => {
		const result = await run(files({ downloadTimeout: 1, binaryPropertyName: 'video' }, true));
		expect(result.error('Zijing')).toBeUndefined();
		expect(sentBody()).toEqual({ recordId: 'abc' });
		sim.reset();
		await refused(files({ downloadTimeout: 0 }, true), '"Download Timeout" must be a positive number of milliseconds, got 0 (item 0)');
		await refused(files({ downloadTimeout: 0.5 }, true), '"Download Timeout" must be a positive number of milliseconds, got 0.5 (item 0)');
		await refused(files({ downloadTimeout: '={{ Infinity }}' }, true), '"Download Timeout" must be a positive number of milliseconds, got Infinity (item 0)');
		await refused(files({ binaryPropertyName: 7 }, true), '"Put Output File in Field" must be text, got number 7 (item 0)');
	});
});

describe('Booking → Create', () => {
	const book = (more: IDataObject = {}) => ({
		resource: 'booking',
		operation: 'create',
		account: 'admin@miwei.com',
		theme: '季度评审',
		startDate: '2026-12-01 09:00',
		endDate: '2026-12-01 10:30',
		...more,
	});
	const sentTimes = async (startDate: string, endDate: string = '2026-12-31 23:59') => {
		const result = await run(book({ startDate, endDate }));
		expect(result.error('Zijing')).toBeUndefined();
		const body = sentBody() as IDataObject;
		sim.reset();
		return [body.startDate, body.endDate];
	};
	const INVALID = 'Expected yyyy-MM-dd HH:mm (e.g. 2026-01-30 09:00, wall-clock time in Asia/Shanghai) or an ISO date-time with an offset; the date must exist in the calendar';

	test('times: seconds dropped, spaces trimmed, the last minute of a year, every offset form, a Date', async () => {
		expect(await sentTimes(' 2026-12-01 09:00:59 ')).toEqual(['2026-12-01 09:00', '2026-12-31 23:59']);
		expect(await sentTimes('2026-12-01T09:00:00.123456789', '2026-12-31T23:59:59')).toEqual(['2026-12-01 09:00', '2026-12-31 23:59']);
		expect(await sentTimes('2026-12-01T01:00:00z', '2026-12-01T09:00:00+0200')).toEqual(['2026-12-01 09:00', '2026-12-01 15:00']);
		expect(await sentTimes('2026-12-01T01:00:00-01:30')).toEqual(['2026-12-01 10:30', '2026-12-31 23:59']);
		expect(await sentTimes('2026-12-01T01:00Z', '2026-12-01T09:00+02:00')).toEqual(['2026-12-01 09:00', '2026-12-01 15:00']);
		expect(await sentTimes('2026-12-01T01:00:00.5+00:00', '2026-12-01 10:00:00.123')).toEqual(['2026-12-01 09:00', '2026-12-01 10:00']);
		expect(await sentTimes('={{ new Date("2026-12-02T01:00:00Z") }}', '2026-12-02 10:00')).toEqual(['2026-12-02 09:00', '2026-12-02 10:00']);
		expect(await sentTimes('2028-01-31 00:00', '2028-12-31 00:00')).toEqual(['2028-01-31 00:00', '2028-12-31 00:00']);
	});

	test.each([
		'2026-00-10 09:00',
		'2026-13-10 09:00',
		'2026-12-00 09:00',
		'2026-04-31 09:00',
		'2026-12-01 09:60',
		'2026-12-01 09:00:60',
		'2026-12-01T09:00:60Z',
		'2026-02-30T09:00:00Z',
		'2026-12-01T24:00:00+08:00',
		'2026-12-01T09:00:00+25:00',
		'2026-12-01 09:00Z',
		'x2026-12-01 09:00',
		'2026-12-01 09:00x',
		'2026-12-01T09:00:00Zx',
		'x2026-12-01T09:00:00Z',
		'26-12-01 09:00',
		'2026-12-01',
		'2026/12/01 09:00',
		'2026-12-01 09:00:00.1234567891',
		'2026-12-01T09:00:00.1234567891Z',
		'2026-12-01T09:00:00+02',
		'2026-12-01T09:00:00+2:00',
		'2026-12-01T09:00:00 +02:00',
		'2026-12-01 9:00:00Z',
		5,
	])('the start %p is refused, saying what is expected', async (startDate) => {
		await refused(book({ startDate }), `"Start" is not a valid date and time: "${String(startDate)}" (item 0)`, INVALID);
	});

	test('an empty, null or invalid date is "empty", with the format expected', async () => {
		for (const startDate of ['={{ undefined }}', '={{ null }}', '={{ new Date("never") }}', '   ']) {
			await refused(book({ startDate }), '"Start" is empty (item 0)', 'Expected yyyy-MM-dd HH:mm, e.g. 2026-01-30 09:00');
		}
	});

	test('additional fields: numbers as text, IDs split on commas, semicolons and spaces, a room ID trimmed', async () => {
		const fields = async (additionalFields: IDataObject) => {
			await run(book({ additionalFields }));
			const body = sentBody() as IDataObject;
			sim.reset();
			return body;
		};
		expect(await fields({ introduction: 42, participantIds: [9001, '9002;9003 9004'], roomId: ' 486 ', autoOpen: false })).toMatchObject({
			introduction: '42',
			visitor_ids: '9001,9002,9003,9004',
			pid: 486,
			isAutoOpen: 'no',
		});
		expect(await fields({ introduction: '  说明  ', participantIds: 9001, roomId: 3364, guestPassword: null })).toMatchObject({
			introduction: '说明',
			visitor_ids: '9001',
			pid: 3364,
			svisitorPwd: '',
		});
		expect(await fields({ introduction: null, participantIds: null, roomId: '  ', autoOpen: null, hostPassword: '' })).toMatchObject({
			introduction: '',
			visitor_ids: '',
			pid: '',
			isAutoOpen: 'no',
			shostPwd: '',
		});
		expect(await fields({ participantIds: ['', 'a_b-1', `${'9'.repeat(50)}`], roomId: '1'.repeat(15) })).toMatchObject({
			visitor_ids: `a_b-1,${'9'.repeat(50)}`,
			pid: 111111111111111,
		});
	});

	const CONTACTS_HINT = 'Use the id of each person from Booking → Get Contacts';
	test.each([
		[{ participantIds: '9'.repeat(51) }, `"Participant Names or IDs" must be user IDs separated by commas (e.g. 9187,9182), got "${'9'.repeat(51)}" (item 0)`, CONTACTS_HINT],
		[{ participantIds: '9001,a.b' }, '"Participant Names or IDs" must be user IDs separated by commas (e.g. 9187,9182), got "a.b" (item 0)', CONTACTS_HINT],
		[{ participantIds: [true] }, '"Participant Names or IDs" must be user IDs (text or numbers), got boolean true (item 0)', CONTACTS_HINT],
		[{ participantIds: [null] }, '"Participant Names or IDs" must be user IDs (text or numbers), got null (item 0)', CONTACTS_HINT],
		[{ roomId: '1'.repeat(16) }, `"Room Name or ID" must be a number (the pid of Get Bookable Rooms), got "${'1'.repeat(16)}" (item 0)`, undefined],
		[{ roomId: '4 86' }, '"Room Name or ID" must be a number (the pid of Get Bookable Rooms), got "4 86" (item 0)', undefined],
		[{ roomId: true }, '"Room Name or ID" must be a room ID (the pid of Get Bookable Rooms), got boolean true (item 0)', undefined],
		[{ introduction: ['a'] }, '"Introduction" must be text, got a list (item 0)', undefined],
		[{ guestPassword: true }, '"Guest Password" must be text, got boolean (item 0)', undefined],
		[{ hostPassword: false }, '"Host Password" must be text, got boolean (item 0)', undefined],
		[{ autoOpen: 1 }, '"Auto Open" must be true or false, got 1 (item 0)', undefined],
	])('%p is refused before any request', async (additionalFields, message, description) => {
		await refused(book({ additionalFields }), message, description);
	});

	test('additional fields left out, or null from an expression, go out empty (the service chooses)', async () => {
		const empty = { introduction: '', visitor_ids: '', isAutoOpen: 'no', pid: '', shostPwd: '', svisitorPwd: '' };
		await run(book());
		expect(sentBody()).toMatchObject(empty);
		sim.reset();
		const nulls = ['introduction', 'participantIds', 'autoOpen', 'roomId', 'hostPassword', 'guestPassword'];
		await run(book({ additionalFields: Object.fromEntries(nulls.map((name) => [name, '={{ null }}'])) }));
		expect(sentBody()).toMatchObject(empty);
	});

	test('an object in a field that takes text or IDs is named as an object', async () => {
		await refused(book({ additionalFields: { introduction: { text: 'x' } } }), '"Introduction" must be text, got an object (item 0)');
		await refused(book({ additionalFields: { roomId: { pid: 486 } } }), '"Room Name or ID" must be a room ID (the pid of Get Bookable Rooms), got an object (item 0)');
	});

	test('NaN and Infinity in the additional fields are refused, shown as written (not as null)', async () => {
		await refused(book({ additionalFields: { introduction: '={{ Infinity }}' } }), '"Introduction" must be text, got number Infinity (item 0)');
		await refused(
			book({ additionalFields: { participantIds: '={{ [9001, NaN] }}' } }),
			'"Participant Names or IDs" must be user IDs (text or numbers), got number NaN (item 0)',
			CONTACTS_HINT,
		);
		await refused(book({ additionalFields: { autoOpen: '={{ NaN }}' } }), '"Auto Open" must be true or false, got NaN (item 0)');
	});

	test('an empty theme is refused, saying what is expected', async () => {
		await refused(book({ theme: '={{ "  " }}' }), '"Theme" is empty (item 0)', 'Expected the meeting’s subject');
	});

	test('the theme may be 200 characters, not 201', async () => {
		await run(book({ theme: '题'.repeat(200) }));
		expect((sentBody() as IDataObject).theme).toBe('题'.repeat(200));
		sim.reset();
		await refused(book({ theme: '题'.repeat(201) }), `"Theme" is longer than 200 characters (201): "${'题'.repeat(40)}…" (item 0)`);
	});

	test('the credential’s Time Zone is trimmed, an empty one is China Standard Time, an unknown one is refused and cut', async () => {
		engine.store.add('zijing-tz-spaces', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey, timeZone: ' Europe/Berlin ' });
		engine.store.add('zijing-tz-empty', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey, timeZone: '' });
		engine.store.add('zijing-tz-long', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey, timeZone: `Mars/${'x'.repeat(70)}` });
		await run(book({ startDate: '2026-12-05T08:00:00Z', endDate: '2026-12-05T09:00:00Z' }), 'zijing-tz-spaces');
		expect(sentBody()).toMatchObject({ startDate: '2026-12-05 09:00', endDate: '2026-12-05 10:00' });
		sim.reset();
		await run(book({ startDate: '2026-12-05T08:00:00Z', endDate: '2026-12-05T09:00:00Z' }), 'zijing-tz-empty');
		expect(sentBody()).toMatchObject({ startDate: '2026-12-05 16:00', endDate: '2026-12-05 17:00' });
		sim.reset();
		const error = (await run(book(), 'zijing-tz-long')).error('Zijing');
		expect([error?.message, error?.description]).toEqual([
			`The credential's "Time Zone" is not a known time zone: "Mars/${'x'.repeat(55)}" (item 0)`,
			'Use an IANA time zone name such as Asia/Shanghai (the default) or Europe/Berlin',
		]);
		expect(sim.log).toHaveLength(0);
	});

	test('a credential whose Time Zone is not text (null, a number) uses China Standard Time', async () => {
		engine.store.add('zijing-tz-null', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey, timeZone: null as unknown as string });
		engine.store.add('zijing-tz-number', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey, timeZone: 8 });
		for (const credential of ['zijing-tz-null', 'zijing-tz-number']) {
			await run(book({ startDate: '2026-12-05T08:00:00Z', endDate: '2026-12-05T09:00:00Z' }), credential);
			expect([credential, sentBody()]).toMatchObject([credential, { startDate: '2026-12-05 16:00', endDate: '2026-12-05 17:00' }]);
			sim.reset();
		}
	});
});
