/**
 * Zijing Cloud node: recording, live stream and meeting operations against the simulator, through
 * n8n's real execution engine.
 */
import type { IDataObject } from 'n8n-workflow';

import { createEngine } from '../harness/engine';
import { Simulator } from '../simulators/base';
import { ZijingSimulator, zijingNode } from '../simulators/zijing';

const sim = new ZijingSimulator();
const engine = createEngine();

beforeAll(async () => {
	await sim.start();
	engine.store.add('zijing', 'zijingCloudApi', {
		apiServer: `${sim.url}/`,
		keyType: 'tenantKey',
		tenantAuthKey: sim.publicKey,
	});
	engine.store.add('zijing-private', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.privateKey });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const run = async (parameters: IDataObject, items?: Array<IDataObject>, credentialId?: string) =>
	await engine.run([zijingNode(parameters, { credentialId })], items);

describe('Recording → Start / Stop', () => {
	test('start sends the conference number with the auth header and outputs the recording ID', async () => {
		const result = await run({ resource: 'recording', operation: 'start', conferenceKey: ' 8000000 ' });
		expect(result.error('Zijing')).toBeUndefined();
		const [request] = sim.requests('POST', '/meeting/openRecord');
		expect(request.headers.auth).toBe(sim.publicKey);
		expect(request.headers['content-type']).toContain('application/json');
		expect(request.json).toEqual({ conferenceKey: '8000000' });
		const running = sim.meetings.get('8000000')!.recordId;
		expect(running).toMatch(/^[0-9a-f-]{36}$/);
		expect(result.output('Zijing')).toEqual([{ json: { recordId: running }, pairedItem: { item: 0 } }]);
	});

	test('stop closes the running recording and a file appears', async () => {
		await run({ resource: 'recording', operation: 'start', conferenceKey: '8000000' });
		const running = sim.meetings.get('8000000')!.recordId;
		const result = await run({ resource: 'recording', operation: 'stop', conferenceKey: '8000000' });
		expect(result.output('Zijing').map((i) => i.json)).toEqual([{ recordId: running }]);
		expect(sim.requests('POST', '/meeting/closeRecord')[0].json).toEqual({ conferenceKey: '8000000' });
		expect(sim.meetings.get('8000000')!.recordId).toBe('');
		expect([...sim.files.values()].map((f) => f.cid)).toEqual([running]);
	});

	test('opening a recording twice is refused with 200003, its English meaning and the original message', async () => {
		await run({ resource: 'recording', operation: 'start', conferenceKey: '8000000' });
		const result = await run({ resource: 'recording', operation: 'start', conferenceKey: '8000000' });
		const error = result.error('Zijing')!;
		expect(error.message).toBe('Zijing Cloud error 200003: recording is already on for this meeting (该会议已开启录制)');
		expect(error.name).toBe('NodeApiError');
		expect(error.description).toMatch(/Get Status/);
		expect(sim.requests('POST', '/meeting/openRecord')).toHaveLength(2); // a refusal is not retried
	});

	test('closing a recording that is not running is refused with 200007', async () => {
		const result = await run({ resource: 'recording', operation: 'stop', conferenceKey: '8000000' });
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 200007: the meeting is not being recorded (该会议未开启录制)');
	});

	test('a meeting that is not started (200006), not allowed to record (200004), unknown (200008) or another tenant’s (200001)', async () => {
		const cases: Array<[string, string]> = [
			['1866', 'Zijing Cloud error 200006: the meeting has not started (该会议还未开启)'],
			['8000001', 'Zijing Cloud error 200004: this meeting is not allowed to record (该会议不允许录制)'],
			['7777777', 'Zijing Cloud error 200008: the meeting does not exist (该会议不存在)'],
			['9000000', 'Zijing Cloud error 200001: the conference number does not belong to the tenant of this auth key (会议号和当前的认证的auth不匹配)'],
		];
		for (const [conferenceKey, message] of cases) {
			const result = await run({ resource: 'recording', operation: 'start', conferenceKey });
			expect(result.error('Zijing')?.message).toBe(message);
		}
	});

	test('the tenant key mode sends the key as it is', async () => {
		const result = await run({ resource: 'recording', operation: 'start', conferenceKey: '9000000' }, undefined, 'zijing-private');
		expect(result.error('Zijing')).toBeUndefined();
		expect(sim.requests('POST', '/meeting/openRecord')[0].headers.auth).toBe('800');
	});

	test('a missing conference number is refused before any request, naming the field and the item', async () => {
		const result = await run({ resource: 'recording', operation: 'start', conferenceKey: '   ' });
		expect(result.error('Zijing')!.message).toBe('"Conference Number" is empty (item 0)');
		expect(result.error('Zijing')!.name).toBe('NodeOperationError');
		expect(sim.log).toHaveLength(0);
	});

	test('a conference number longer than 50 characters or with spaces is refused before any request', async () => {
		let result = await run({ resource: 'recording', operation: 'stop', conferenceKey: '1'.repeat(51) });
		expect(result.error('Zijing')!.message).toMatch(/^"Conference Number" is longer than 50 characters \(51\): "1{40}…" \(item 0\)$/);
		result = await run({ resource: 'recording', operation: 'stop', conferenceKey: '800 0000' });
		expect(result.error('Zijing')!.message).toBe(
			'"Conference Number" must be the meeting room’s short number without spaces, e.g. 8000000, got "800 0000" (item 0)',
		);
		expect(sim.log).toHaveLength(0);
	});

	test('many items: each is paired, and with continue-on-fail the failing one yields its error', async () => {
		const items = [{ key: '8000000' }, { key: '7777777' }, { key: '' }, { key: '8000000' }];
		const result = await engine.run(
			[zijingNode({ resource: 'recording', operation: 'start', conferenceKey: '={{ $json.key }}' }, { continueOnFail: true })],
			items,
		);
		const out = result.output('Zijing');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[0].json.recordId).toBe(sim.meetings.get('8000000')!.recordId);
		expect(out[1].json.error).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
		expect(out[2].json.error).toBe('"Conference Number" is empty (item 2)');
		expect(out[3].json.error).toBe('Zijing Cloud error 200003: recording is already on for this meeting (该会议已开启录制)');
		// item 2 never reached the service
		expect(sim.requests('POST', '/meeting/openRecord').map((r) => (r.json as { conferenceKey: string }).conferenceKey).sort()).toEqual([
			'7777777',
			'8000000',
			'8000000',
		]);
	});

	test('without continue-on-fail the node stops with the first failing item’s error', async () => {
		const result = await engine.run(
			[zijingNode({ resource: 'recording', operation: 'start', conferenceKey: '={{ $json.key }}' })],
			[{ key: '8000000' }, { key: '7777777' }],
		);
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
		expect((result.error('Zijing')!.context as { itemIndex?: number }).itemIndex).toBe(1);
	});
});

describe('Recording → Get Status / Live Stream → Get Status', () => {
	test('recording status reports the running recording', async () => {
		await run({ resource: 'recording', operation: 'start', conferenceKey: '8000000' });
		const running = sim.meetings.get('8000000')!.recordId;
		const result = await run({ resource: 'recording', operation: 'getStatus', conferenceKey: '8000000' });
		expect(sim.requests('POST', '/meeting/getLiveRecStatus')[0].json).toEqual({ conferenceKey: '8000000' });
		expect(result.output('Zijing').map((i) => i.json)).toEqual([
			{ conferenceKey: '8000000', live: false, rtmpUrl: '', record: true, recordId: running },
		]);
	});

	test('live status reports the stream URL, and the failure reason when the service gives one', async () => {
		sim.meetings.get('8000001')!.failedReason = '存储空间不足';
		const result = await run({ resource: 'live', operation: 'getStatus', conferenceKey: '8000001' });
		expect(result.output('Zijing').map((i) => i.json)).toEqual([
			{
				conferenceKey: '8000001',
				live: true,
				rtmpUrl: 'rtmp://live.zijing.test/app/8000001',
				record: false,
				recordId: '',
				failedReason: '存储空间不足',
			},
		]);
	});

	test('live status of an unknown meeting fails with 200008', async () => {
		const result = await run({ resource: 'live', operation: 'getStatus', conferenceKey: '1234' });
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
	});
});

describe('Recording → Get Files / Delete File', () => {
	async function recordOnce(conferenceKey = '8000000') {
		await run({ resource: 'recording', operation: 'start', conferenceKey });
		const stopped = await run({ resource: 'recording', operation: 'stop', conferenceKey });
		sim.log.length = 0;
		sim.storage.log.length = 0;
		return stopped.output('Zijing')[0].json.recordId as string;
	}

	test('lists the files of a recording without downloading them', async () => {
		const recordId = await recordOnce();
		const file = [...sim.files.values()][0];
		const result = await run({ resource: 'recording', operation: 'getFiles', recordId });
		expect(sim.requests('POST', '/meeting/getRecords')[0].json).toEqual({ recordId });
		expect(result.output('Zijing')).toEqual([
			{
				json: {
					recordId: file.recordId,
					conferenceKey: '8000000',
					entId: 52,
					cid: recordId,
					startTime: file.startTime,
					fileSize: file.fileSize,
					stopTime: file.stopTime,
					downUrl: file.downUrl,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(result.output('Zijing')[0].binary).toBeUndefined();
		expect(sim.storage.log).toHaveLength(0);
	});

	test('sends the origin option, checked first', async () => {
		const recordId = await recordOnce();
		await run({ resource: 'recording', operation: 'getFiles', recordId, options: { origin: 'https://api.zijing.test' } });
		expect(sim.requests('POST', '/meeting/getRecords')[0].json).toEqual({ recordId, origin: 'https://api.zijing.test' });
		const refused = await run({ resource: 'recording', operation: 'getFiles', recordId, options: { origin: 'not a url' } });
		expect(refused.error('Zijing')!.message).toBe('"Origin" must be an http(s) address such as https://api.example.com, got "not a url" (item 0)');
		expect(sim.requests('POST', '/meeting/getRecords')).toHaveLength(1);
	});

	test('downloads every file as binary data from the storage host, without the auth header', async () => {
		const recordId = await recordOnce();
		const second = sim.addFile('8000000', recordId, { content: Buffer.from('second segment') });
		const first = [...sim.files.values()][0];
		const result = await run({
			resource: 'recording',
			operation: 'getFiles',
			recordId,
			download: true,
			options: { binaryPropertyName: 'video' },
		});
		expect(result.error('Zijing')).toBeUndefined();
		const out = result.output('Zijing');
		expect(out).toHaveLength(2);
		for (const [item, file] of [
			[out[0], first],
			[out[1], second],
		] as const) {
			expect(item.json.recordId).toBe(file.recordId);
			expect(item.pairedItem).toEqual({ item: 0 });
			const binary = item.binary!.video;
			expect(Buffer.from(binary.data, 'base64').equals(file.content)).toBe(true);
			expect(binary.mimeType).toBe('video/mp4');
			expect(binary.fileName).toBe(file.path.split('/').pop());
			expect(binary.bytes).toBe(file.content.length);
			// the signed link is not copied into the binary metadata
			expect(JSON.stringify({ ...binary, data: '' })).not.toContain('sign=');
		}
		// the storage host saw both downloads, and never an auth header
		expect(sim.storage.requests('GET').map((r) => r.path)).toEqual([first.path, second.path]);
		expect(sim.storage.log.every((r) => r.headers.auth === undefined)).toBe(true);
		expect(sim.authLeaks).toHaveLength(0);
		expect(JSON.stringify(sim.storage.log.map((r) => r.headers))).not.toContain(sim.publicKey);
	});

	test.each([301, 302, 307, 308] as const)('a %d from the storage host to another host: every hop goes without the auth header', async (status) => {
		const mirror = new Simulator('mirror');
		mirror.route('GET', '/copy', () => ({ status: 200, raw: Buffer.from('mirrored'), headers: { 'Content-Type': 'video/mp4' } }));
		await mirror.start();
		try {
			const recordId = await recordOnce();
			sim.storage.fail({ kind: 'redirect', status, location: `${mirror.url}/copy?sig=1` });
			const result = await run({ resource: 'recording', operation: 'getFiles', recordId, download: true });
			expect(result.error('Zijing')).toBeUndefined();
			expect(Buffer.from(result.output('Zijing')[0].binary!.data.data, 'base64').toString()).toBe('mirrored');
			expect(mirror.log).toHaveLength(1);
			for (const request of [...sim.storage.log, ...mirror.log]) {
				expect(request.headers.auth).toBeUndefined();
				expect(JSON.stringify(request.headers)).not.toContain(sim.publicKey);
			}
		} finally {
			await mirror.stop();
		}
	});

	test('control: the storage host does notice a request that carries an auth header', async () => {
		await recordOnce();
		const file = [...sim.files.values()][0];
		const response = await fetch(file.downUrl, { headers: { auth: sim.publicKey } });
		expect(response.status).toBe(403);
		expect(sim.authLeaks).toHaveLength(1);
	});

	test('an expired download link fails the item without revealing the signature', async () => {
		const recordId = await recordOnce();
		const file = [...sim.files.values()][0];
		file.sign = 'rotated';
		const result = await engine.run(
			[zijingNode({ resource: 'recording', operation: 'getFiles', recordId: '={{ $json.id }}', download: true }, { continueOnFail: true })],
			[{ id: recordId }, { id: 'no-such-recording' }],
		);
		const out = result.output('Zijing');
		// item 0 fails on the download; item 1 (an unknown recording) has no files, hence no item
		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		const host = new URL(file.downUrl).host;
		expect(out[0].json.error).toBe(
			`Zijing Cloud: downloading recording file ${file.recordId} from ${host}${file.path} failed: HTTP 403 (the signed link may have expired: get the files again)`,
		);
		expect(JSON.stringify(out[0].json)).not.toContain(encodeURIComponent(file.sign));
		expect(sim.authLeaks).toHaveLength(0);
	});

	test.each([
		[{ recordId: ['abc'] }, '"Recording ID" must be text, got a list (item 0)'],
		[{ recordId: 'abc', download: 'yes' }, '"Download Files" must be true or false, got "yes" (item 0)'],
		[{ recordId: 'abc', download: true, options: { binaryPropertyName: { name: 'data' } } }, '"Put Output File in Field" must be text, got an object (item 0)'],
		[{ recordId: 'abc', download: true, options: { downloadTimeout: '600000' } }, '"Download Timeout" must be a positive number of milliseconds, got "600000" (item 0)'],
		[{ recordId: 'abc', options: { origin: { url: 'https://x' } } }, '"Origin" must be text, got an object (item 0)'],
	])('Get Files with %p is refused before any request', async (more, message) => {
		const result = await run({ resource: 'recording', operation: 'getFiles', ...more });
		expect(result.error('Zijing')!.message).toBe(message);
		expect(sim.log).toHaveLength(0);
	});

	test('a conference number that is an object is refused before any request', async () => {
		const result = await run({ resource: 'recording', operation: 'start', conferenceKey: '={{ { key: 8000000 } }}' });
		expect(result.error('Zijing')!.message).toBe('"Conference Number" must be text, got an object (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	test('a recording ID that is empty is refused before any request', async () => {
		const result = await run({ resource: 'recording', operation: 'getFiles', recordId: '  ' });
		expect(result.error('Zijing')!.message).toBe('"Recording ID" is empty (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	// "the recording's unique ID": the document does not say whether that is a file's recordId (Get Files)
	// or the ID Start returned; the simulator takes one or the other, and the node works with either
	test.each(['file', 'recording'] as const)('delete file, when the service takes the %s ID: that ID deletes it, the other one is refused, nothing silently', async (deleteBy) => {
		sim.deleteBy = deleteBy;
		const recordingId = await recordOnce();
		const file = [...sim.files.values()][0];
		const [right, wrong] = deleteBy === 'file' ? [file.recordId, recordingId] : [recordingId, file.recordId];
		const refused = await run({ resource: 'recording', operation: 'deleteFile', recordId: wrong });
		expect(refused.error('Zijing')!.message).toBe('Zijing Cloud error 400: the request parameters were refused (录制文件不存在)');
		expect(refused.output('Zijing')).toEqual([]);
		expect(sim.files.size).toBe(1);
		const result = await run({ resource: 'recording', operation: 'deleteFile', recordId: right });
		expect(sim.requests('POST', '/meeting/delRecordFile').map((r) => r.json)).toEqual([{ recordId: wrong }, { recordId: right }]);
		expect(result.output('Zijing').map((i) => i.json)).toEqual([{ recordId: right }]);
		expect(sim.files.size).toBe(0);
		const again = await run({ resource: 'recording', operation: 'deleteFile', recordId: right });
		expect(again.error('Zijing')!.message).toBe('Zijing Cloud error 400: the request parameters were refused (录制文件不存在)');
	});

	test('Get Files takes the ID Start returned; a file’s own recordId finds nothing', async () => {
		const recordingId = await recordOnce();
		const file = [...sim.files.values()][0];
		expect((await run({ resource: 'recording', operation: 'getFiles', recordId: recordingId })).output('Zijing').map((i) => i.json.recordId)).toEqual([file.recordId]);
		expect((await run({ resource: 'recording', operation: 'getFiles', recordId: file.recordId })).output('Zijing')).toEqual([]);
	});
});

describe('Meeting → Get', () => {
	test('outputs the flat meeting info without code and msg', async () => {
		const result = await run({ resource: 'meeting', operation: 'get', conferenceKey: '8000000' });
		const [request] = sim.requests('GET', '/api/getmeetinginfo');
		expect(request.query).toEqual({ addr: '8000000' });
		expect(request.headers.auth).toBe(sim.publicKey);
		expect(request.text).toBe('');
		expect(result.output('Zijing')).toEqual([
			{
				json: {
					name: '产品评审会议室',
					alias: '8000000',
					hostpwd: '0000',
					guestpwd: '1234',
					locked: false,
					started: true,
					participants: 3,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('its own failure shape {code, msg} becomes an error with the code and meaning', async () => {
		let result = await run({ resource: 'meeting', operation: 'get', conferenceKey: '5555' });
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
		result = await run({ resource: 'meeting', operation: 'get', conferenceKey: '9000000' });
		expect(result.error('Zijing')!.message).toMatch(/^Zijing Cloud error 200001: /);
	});

	test('a conference number with characters that need encoding reaches the service intact', async () => {
		await run({ resource: 'meeting', operation: 'get', conferenceKey: 'a&b=c' });
		expect(sim.requests('GET', '/api/getmeetinginfo')[0].query).toEqual({ addr: 'a&b=c' });
	});
});

describe('Recording → Get Files: what a download gives, and how it fails', () => {
	const files = new Simulator('files');
	beforeAll(async () => {
		files.route('GET', '/v/:name', () => ({ raw: Buffer.from('clip'), headers: { 'Content-Type': 'video/webm ; codecs=vp9' } }));
		files.route('GET', '/none/:name', () => ({ raw: Buffer.from('plain') }));
		files.route('GET', '/dir/', () => ({ raw: Buffer.from('dir'), headers: { 'Content-Type': 'video/mp4' } }));
		files.route('GET', '/odd/100%25%zz.webm', () => ({ raw: Buffer.from('odd'), headers: { 'Content-Type': 'video/webm' } }));
		files.route('GET', '/bin/:name', () => ({ raw: Buffer.from('bin'), headers: { 'Content-Type': 'application/octet-stream' } }));
		files.route('GET', '/gone/:name', () => ({ status: 404, raw: 'gone' }));
		files.route('GET', '/', () => ({ raw: Buffer.from('root'), headers: { 'Content-Type': 'video/mp4' } }));
		await files.start();
	});
	afterAll(async () => await files.stop());
	beforeEach(() => files.reset());

	/** getRecords answers with these files (each with a recordId). */
	const listing = (entries: IDataObject[]) =>
		sim.fail({ kind: 'answer', response: { status: 200, body: { code: '200', data: entries, message: '成功', state: 1 } } }, { match: (r) => r.path === '/meeting/getRecords' });
	const getFiles = async (options: IDataObject = {}, continueOnFail = false) =>
		await engine.run([zijingNode({ resource: 'recording', operation: 'getFiles', recordId: 'rec-1', download: true, options }, { continueOnFail })]);

	test('the file name comes from the link (decoded), else from the recording ID; the type from Content-Type', async () => {
		listing([
			{ recordId: 'f1', downUrl: `${files.url}/v/%E5%BD%95%E5%88%B6.webm?sign=s` },
			{ recordId: 'f2', downUrl: `${files.url}/odd/100%25%zz.webm` },
			{ recordId: 'f3', downUrl: `${files.url}/?sign=s` },
			{ recordId: '', downUrl: `${files.url}/` },
			{ recordId: 'f5', downUrl: `${files.url}/bin/clip.mp4` },
			{ recordId: 'f6', downUrl: `${files.url}/none/a.webm` },
			{ recordId: 'f7', downUrl: `${files.url}/dir/` },
			{ recordId: 8, downUrl: `${files.url}/` },
		]);
		const result = await getFiles({ binaryPropertyName: '  ' });
		expect(result.error('Zijing')).toBeUndefined();
		expect(result.output('Zijing').map((i) => [i.binary?.data.fileName, i.binary?.data.mimeType])).toEqual([
			['录制.webm', 'video/webm'],
			['100%25%zz.webm', 'video/webm'],
			['f3.mp4', 'video/mp4'],
			['recording.mp4', 'video/mp4'],
			['clip.mp4', 'video/mp4'],
			['a.webm', 'video/webm'],
			['dir', 'video/mp4'],
			['recording.mp4', 'video/mp4'],
		]);
	});

	test('a file without a download link is output without binary data; the others are downloaded', async () => {
		listing([
			{ recordId: 'f1' },
			{ recordId: 'f2', downUrl: '' },
			{ recordId: 'f3', downUrl: `${files.url}/v/a.mp4` },
			{ recordId: 'f4', downUrl: 42 },
			{ recordId: 'f5', downUrl: { href: `${files.url}/v/b.mp4` } },
		]);
		const result = await getFiles();
		expect(result.error('Zijing')).toBeUndefined();
		const out = result.output('Zijing');
		expect(out.map((i) => [i.json, Object.keys(i.binary ?? {})])).toEqual([
			[{ recordId: 'f1' }, []],
			[{ recordId: 'f2', downUrl: '' }, []],
			[{ recordId: 'f3', downUrl: `${files.url}/v/a.mp4` }, ['data']],
			[{ recordId: 'f4', downUrl: 42 }, []],
			[{ recordId: 'f5', downUrl: { href: `${files.url}/v/b.mp4` } }, []],
		]);
		expect(files.log).toHaveLength(1);
	});

	test.each([
		['not an address', 'no link'],
		['an ftp address', 'ftp://files.example.com/a.mp4'],
		['an address whose scheme only ends in https', 'git+https://files.example.com/a.mp4'],
	])('a link that is %s fails the item, naming the recording', async (_label, downUrl) => {
		listing([{ recordId: 'f9', downUrl }]);
		const error = (await getFiles()).error('Zijing');
		expect([error?.name, error?.message, (error?.context as { itemIndex?: number } | undefined)?.itemIndex]).toEqual([
			'NodeOperationError',
			'Zijing Cloud: the recording f9 has no valid download link',
			0,
		]);
		expect(files.log).toHaveLength(0);
	});

	test('a 404, a dropped connection and a slow host each say what happened, without the signature', async () => {
		listing([{ recordId: 'f1', downUrl: `${files.url}/gone/a.mp4?sign=secret-sig` }]);
		let error = (await getFiles()).error('Zijing');
		expect([error?.message, error?.httpCode]).toEqual([`Zijing Cloud: downloading recording file f1 from ${new URL(files.url).host}/gone/a.mp4 failed: HTTP 404`, '404']);
		expect(JSON.stringify(error)).not.toContain('secret-sig');

		files.fail({ kind: 'drop' });
		listing([{ recordId: 'f1', downUrl: `${files.url}/v/a.mp4` }]);
		error = (await getFiles()).error('Zijing');
		expect([error?.message, error?.httpCode]).toEqual([`Zijing Cloud: downloading recording file f1 from ${new URL(files.url).host}/v/a.mp4 failed: the connection failed`, null]);

		listing([{ recordId: 'f1', downUrl: 'https://127.0.0.1:1/a.mp4' }]);
		error = (await getFiles()).error('Zijing');
		expect(error?.message).toBe('Zijing Cloud: downloading recording file f1 from 127.0.0.1:1/a.mp4 failed: the connection failed');

		files.fail({ kind: 'delay', ms: 1000 });
		listing([{ recordId: 'f1', downUrl: `${files.url}/v/a.mp4` }]);
		error = (await getFiles({ downloadTimeout: 100 })).error('Zijing');
		expect(error?.message).toBe(`Zijing Cloud: downloading recording file f1 from ${new URL(files.url).host}/v/a.mp4 failed: no answer within 100 ms`);
	});
});
