import { checkDownloadHost } from '../../nodes/ZoomMeetings/shared/recording';
import { Simulator } from '../simulators/base';
import { ZoomSimulator } from '../simulators/zoom';
import { oauthSetup, s2sSetup, zoomNode, type Setup } from './common';

const sim = new ZoomSimulator();
let setup: Setup;
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	setup = s2sSetup(sim);
});

describe('Cloud Recording → Get', () => {
	test('by meeting ID and by UUIDs, double-encoding those that start with "/" or contain "//"', async () => {
		const plain = sim.addRecording({ uuid: 'JiiwKAbc+eKA==', startTime: '2024-09-15T01:00:00Z' });
		const slash = sim.addRecording({ uuid: '/ajXp112QmuoKj4854875==', startTime: '2024-09-16T01:00:00Z' });
		const double = sim.addRecording({ uuid: 'Ab//cdEF12gh==', startTime: '2024-09-17T01:00:00Z' });
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'get', meetingId: '={{ $json.id }}' })],
			[{ id: plain.id }, { id: plain.uuid }, { id: slash.uuid }, { id: double.uuid }],
		);
		expect(result.error('Zoom')).toBeUndefined();
		expect(result.output('Zoom').map((i) => i.json.uuid)).toEqual([plain.uuid, plain.uuid, slash.uuid, double.uuid]);
		expect(sim.requests('GET', /recordings$/).map((r) => r.path)).toEqual([
			`/v2/meetings/${plain.id}/recordings`,
			'/v2/meetings/JiiwKAbc%2BeKA%3D%3D/recordings',
			'/v2/meetings/%252FajXp112QmuoKj4854875%253D%253D/recordings',
			'/v2/meetings/Ab%252F%252FcdEF12gh%253D%253D/recordings',
		]);
		const files = result.output('Zoom')[0].json.recording_files as Array<Record<string, unknown>>;
		expect(files[0]).toMatchObject({ file_type: 'MP4', download_url: expect.stringContaining('/rec/download/') });
	});

	test('a missing recording: code 3301 in English', async () => {
		const result = await setup.engine.run([zoomNode(setup, { resource: 'recording', operation: 'get', meetingId: '86220627999' })]);
		expect(result.error('Zoom')?.message).toBe('Zoom error 3301: the recording does not exist (Zoom: "This recording does not exist.")');
	});
});

describe('Cloud Recording → Get Many', () => {
	test.each(['keepTo', 'keepFrom', 'error'] as const)('a three-month range is split into monthly requests, each paged, so nothing is cut (longer range: %s)', async (overflow) => {
		sim.recordingRangeOverflow = overflow;
		const days = ['2024-01-05', '2024-01-31', '2024-02-10', '2024-02-29', '2024-03-01', '2024-03-20', '2024-04-04'];
		for (const day of days) sim.addRecording({ startTime: `${day}T03:00:00Z` });
		for (let i = 0; i < 305; i++) sim.addRecording({ startTime: `2024-02-15T0${i % 10}:00:00Z` });
		sim.addRecording({ startTime: '2024-04-06T00:00:00Z' });
		const other = sim.addUser();
		sim.addRecording({ startTime: '2024-02-11T00:00:00Z', hostId: other.id });

		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'recording', operation: 'getAll', userId: 'me', from: '2024-01-05T00:00:00', to: '2024-04-05T00:00:00', returnAll: true }),
		]);
		expect(result.error('Zoom')).toBeUndefined();
		const out = result.output('Zoom');
		expect(out).toHaveLength(days.length + 305);
		expect(new Set(out.map((i) => i.json.uuid)).size).toBe(out.length);
		const calls = sim.requests('GET', '/v2/users/me/recordings').map((r) => [r.query.from, r.query.to, r.query.page_size, Boolean(r.query.next_page_token)]);
		expect(calls).toEqual([
			['2024-01-05', '2024-02-04', '300', false],
			['2024-02-05', '2024-03-04', '300', false],
			['2024-02-05', '2024-03-04', '300', true],
			['2024-03-05', '2024-04-04', '300', false],
			['2024-04-05', '2024-04-05', '300', false],
		]);
	});

	test('the trash is listed once without dates (Zoom does not filter it by date); From–To is applied to what comes back', async () => {
		const inRange = ['2024-01-05', '2024-02-20', '2024-04-05'].map((day) => sim.addRecording({ startTime: `${day}T03:00:00Z` }));
		const outside = [sim.addRecording({ startTime: '2023-12-31T23:00:00Z' }), sim.addRecording({ startTime: '2024-04-06T00:00:00Z' })];
		const live = sim.addRecording({ startTime: '2024-02-21T00:00:00Z' });
		for (const r of [...inRange, ...outside]) r.trashed = true;
		for (let i = 0; i < 301; i++) sim.addRecording({ startTime: '2023-11-01T00:00:00Z' }).trashed = true;
		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'recording', operation: 'getAll', userId: 'me', from: '2024-01-05', to: '2024-04-05', returnAll: true, filters: { trash: true } }),
		]);
		expect(result.error('Zoom')).toBeUndefined();
		expect(result.output('Zoom').map((i) => i.json.uuid).sort()).toEqual(inRange.map((r) => r.uuid).sort());
		expect(result.output('Zoom').map((i) => i.json.uuid)).not.toContain(live.uuid);
		const calls = sim.requests('GET', '/v2/users/me/recordings').map((r) => r.query);
		expect(calls).toHaveLength(2);
		for (const query of calls) {
			expect(query).toMatchObject({ trash: 'true', page_size: '300' });
			expect(query.from).toBeUndefined();
			expect(query.to).toBeUndefined();
		}
	});

	test('Limit stops early; bad dates are refused before sending', async () => {
		for (let i = 0; i < 10; i++) sim.addRecording({ startTime: '2024-05-02T00:00:00Z' });
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{ resource: 'recording', operation: 'getAll', userId: 'me', from: '={{ $json.from }}', to: '={{ $json.to }}', returnAll: false, limit: 4 },
					{ continueOnFail: true },
				),
			],
			[{ from: '2024-05-01', to: '2024-12-31' }, { from: 'yesterday', to: '2024-05-03' }, { from: '2024-05-03', to: '2024-05-01' }],
		);
		const out = result.output('Zoom');
		expect(out.filter((i) => (i.pairedItem as { item: number }).item === 0)).toHaveLength(4);
		expect(out[4].json.error).toBe('"From" must be a date such as 2024-09-01, got "yesterday" (item 1)');
		expect(out[5].json.error).toBe('"From" (2024-05-03) is after "To" (2024-05-01) (item 2)');
		expect(sim.requests('GET', '/v2/users/me/recordings')).toHaveLength(1);
	});
});

describe('Cloud Recording → Download', () => {
	test('by meeting and file ID: streamed to binary data with the bearer token, following Zoom’s redirect', async () => {
		const video = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
		const recording = sim.addRecording({
			uuid: '/abc//def==',
			startTime: '2024-09-15T01:00:00Z',
			files: [{ type: 'M4A' }, { type: 'MP4', bytes: video, fileName: 'GMT20240915-010000_Recording_1920x1080.mp4' }],
		});
		const mp4 = recording.recording_files[1];
		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'recording', operation: 'download', source: 'file', meetingId: recording.uuid, fileId: mp4.id, binaryPropertyName: 'video' }),
		]);
		expect(result.error('Zoom')).toBeUndefined();
		const [item] = result.output('Zoom');
		expect(item.json).toMatchObject({
			fileName: 'GMT20240915-010000_Recording_1920x1080.mp4',
			mimeType: 'video/mp4',
			fileId: mp4.id,
			meetingUuid: recording.uuid,
			fileSize: video.length,
			recordingType: 'shared_screen_with_speaker_view',
		});
		expect(item.binary?.video).toMatchObject({ mimeType: 'video/mp4', fileName: 'GMT20240915-010000_Recording_1920x1080.mp4' });
		const stored = Buffer.from(item.binary!.video.data, 'base64');
		expect(stored.equals(video)).toBe(true);
		const token = setup.engine.store.get('s2s').data.accessToken;
		// the download host is not the API host; it redirects to the storage host, which gets no token
		expect(new URL(mp4.download_url).origin).not.toBe(new URL(sim.apiBaseUrl).origin);
		const [download] = sim.web.requests('GET', `/rec/download/${mp4.id}`);
		expect(download.headers.authorization).toBe(`Bearer ${token}`);
		const [file] = sim.cdn.requests('GET', `/rec/file/${mp4.id}`);
		expect(file.headers.authorization).toBeUndefined();
		expect(JSON.stringify(file.headers)).not.toContain(token);
		expect(sim.log.filter((r) => r.path.startsWith('/rec/'))).toEqual([]);
		expect(sim.requests('GET', /recordings$/)[0].path).toBe('/v2/meetings/%252Fabc%252F%252Fdef%253D%253D/recordings');
	});

	test('by download URL with OAuth2, with a refresh when the token has expired', async () => {
		const oauth = oauthSetup(sim);
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z', files: [{ type: 'TRANSCRIPT' }] });
		const file = recording.recording_files[0];
		sim.advance(3601);
		const result = await oauth.engine.run([zoomNode(oauth, { resource: 'recording', operation: 'download', source: 'url', downloadUrl: file.download_url })]);
		expect(result.error('Zoom')).toBeUndefined();
		const [item] = result.output('Zoom');
		expect(item.json).toEqual({ fileName: `zoom-recording-${file.id}`, mimeType: 'text/vtt' });
		expect(Buffer.from(item.binary!.data.data, 'base64').toString()).toBe(sim.fileContents.get(file.id)!.bytes.toString());
		expect(sim.requests('POST', '/oauth/token')).toHaveLength(1);
	});

	test('a URL off Zoom’s hosts and the hosts the credential names is refused before sending (the token would leak)', async () => {
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z' });
		const onWeb = recording.recording_files[0].download_url;
		const otherPort = onWeb.replace(sim.web.url, sim.cdn.url);
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'download', source: 'url', downloadUrl: '={{ $json.url }}' }, { continueOnFail: true })],
			[{ url: 'https://evil.example.com/rec/download/x?token=1' }, { url: 'https://zoom.us.evil.example.com/rec/download/x' }, { url: otherPort }, { url: onWeb.replace('http:', 'https:') }],
		);
		const allowed = 'zoom.us, zoomgov.com (HTTPS) or a host the credential names (API, OAuth or Download Base URLs)';
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			`"Download URL" must be an address on Zoom’s hosts for the credential (${allowed}), got "https://evil.example.com/rec/download/x" (item 0)`,
			`"Download URL" must be an address on Zoom’s hosts for the credential (${allowed}), got "https://zoom.us.evil.example.com/rec/download/x" (item 1)`,
			`"Download URL" must be an address on Zoom’s hosts for the credential (${allowed}), got "${otherPort}" (item 2)`,
			`"Download URL" must be an address on Zoom’s hosts for the credential (${allowed}), got "${onWeb.replace('http:', 'https:')}" (item 3)`,
		]);
		expect([...sim.log, ...sim.web.log, ...sim.cdn.log]).toHaveLength(0);
	});

	test('without Download Base URLs, a Custom credential takes only its own API and OAuth hosts (and Zoom’s)', async () => {
		const bare = s2sSetup(sim, { customDownloadBaseUrls: '' });
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z' });
		const file = recording.recording_files[0];
		const result = await bare.engine.run([zoomNode(bare, { resource: 'recording', operation: 'download', source: 'file', meetingId: String(recording.id), fileId: file.id })]);
		expect(result.error('Zoom')?.message).toMatch(/^"Download URL" must be an address on Zoom’s hosts for the credential .*got "http:\/\/127\.0\.0\.1:\d+\/rec\/download\/[^"]+" \(item 0\)$/);
		expect(sim.web.log).toHaveLength(0);
		// several configured addresses, one of them the download host
		const listed = s2sSetup(sim, { customDownloadBaseUrls: ` https://files.example.com , ${sim.web.url}/ignored/path ` });
		const ok = await listed.engine.run([zoomNode(listed, { resource: 'recording', operation: 'download', source: 'url', downloadUrl: file.download_url })]);
		expect(ok.error('Zoom')).toBeUndefined();
		expect(sim.web.requests('GET', `/rec/download/${file.id}`)).toHaveLength(1);
	});

	test('an unknown file ID names the meeting’s files; a deleted file gives Zoom’s error', async () => {
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z', files: [{ type: 'MP4' }] });
		const file = recording.recording_files[0];
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'download', source: '={{ $json.source }}', meetingId: String(recording.id), fileId: 'nope', downloadUrl: '={{ $json.url }}' }, { continueOnFail: true })],
			[{ source: 'file' }, { source: 'url', url: file.download_url.replace(file.id, 'gone') }],
		);
		const out = result.output('Zoom');
		expect(out[0].json.error).toBe('"Recording File ID" "nope" is not among the meeting’s recording files (item 0)');
		expect((out[0].error as { description?: string }).description).toBe(`Files of this meeting: ${file.id} (MP4)`);
		expect(out[1].json.error).toBe('Zoom error 3301: the recording does not exist (Zoom: "This recording does not exist.")');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a field name, file ID or URL that is not text is refused before sending', async () => {
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z' });
		const file = recording.recording_files[0];
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{ resource: 'recording', operation: 'download', source: '={{ $json.source }}', meetingId: String(recording.id), fileId: '={{ $json.fileId }}', downloadUrl: '={{ $json.url }}', binaryPropertyName: '={{ $json.field }}' },
					{ continueOnFail: true },
				),
			],
			[
				{ source: 'url', url: file.download_url, field: { name: 'video' } },
				{ source: 'file', fileId: [file.id], field: 'data' },
				{ source: 'url', url: { href: file.download_url }, field: 'data' },
			],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			'"Put Output File in Field" must be text, got an object (item 0)',
			'"Recording File ID" must be text, got a list (item 1)',
			'"Download URL" must be text, got an object (item 2)',
		]);
		expect([...sim.log, ...sim.web.log]).toHaveLength(0);
	});

	test('a 429 on the download is waited out', async () => {
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z' });
		const file = recording.recording_files[0];
		sim.web.fail({ kind: 'rateLimit', retryAfter: 0 }, { match: (r) => r.path.startsWith('/rec/download/') });
		const result = await setup.engine.run([zoomNode(setup, { resource: 'recording', operation: 'download', source: 'url', downloadUrl: file.download_url })]);
		expect(result.output('Zoom')[0].binary?.data.mimeType).toBe('video/mp4');
		expect(sim.web.requests('GET', `/rec/download/${file.id}`)).toHaveLength(2);
	});

	test('a meeting picked with the resource locator: the file is looked up under its ID', async () => {
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z', files: [{ type: 'MP4' }] });
		const file = recording.recording_files[0];
		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'recording', operation: 'download', source: 'file', meetingId: { __rl: true, mode: 'id', value: String(recording.id) }, fileId: file.id }),
		]);
		expect(result.error('Zoom')).toBeUndefined();
		expect(result.output('Zoom')[0].json.fileId).toBe(file.id);
		expect(sim.requests('GET', /recordings$/).map((r) => r.path)).toEqual([`/v2/meetings/${recording.id}/recordings`]);
	});

	test('the file name from Content-Disposition (filename* decoded, quoted, plain), else from the URL; the type the answer names, else octet-stream', async () => {
		const answers: Array<Record<string, string>> = [
			{ 'Content-Disposition': "attachment; filename*=UTF-8''na%C3%AFve%20talk.mp4 ; size=5", 'Content-Type': 'video/mp4' },
			{ 'Content-Disposition': 'attachment; filename*="quoted%20name.txt"', 'Content-Type': 'text/plain; charset=utf-8' },
			{ 'Content-Disposition': "attachment; filename*=UTF-8''bad%E0%A4%A; filename=\"fallback.vtt\"", 'Content-Type': 'text/vtt' },
			{ 'Content-Disposition': 'attachment; filename = plain.m4a ; size=5', 'Content-Type': 'application/octet-stream' },
			{ 'Content-Disposition': 'inline', 'Content-Type': 'audio/ogg ; codecs=opus' },
			{},
			{},
			// quotes inside the name are kept, only those around it are dropped
			{ 'Content-Disposition': 'attachment; filename*=it\'s%20"good".txt', 'Content-Type': 'text/plain' },
			{ 'Content-Disposition': "attachment; filename* = UTF-8''spaced%20star.txt", 'Content-Type': 'text/plain' },
		];
		for (const headers of answers) {
			sim.web.fail({ kind: 'answer', response: { status: 200, raw: Buffer.from('bytes'), headers } }, { match: (r) => r.path.startsWith('/rec/') || r.path === '/' });
		}
		const urls = [0, 1, 2, 3, 4].map((i) => `${sim.web.url}/rec/download/f${i}`).concat(`${sim.web.url}/rec/download/my%20talk.mp4`, `${sim.web.url}/`, `${sim.web.url}/rec/download/f7`, `${sim.web.url}/rec/download/f8`);
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'download', source: 'url', downloadUrl: '={{ $json.url }}', requestOptions: { concurrency: 1 } })],
			urls.map((url) => ({ url })),
		);
		expect(result.error('Zoom')).toBeUndefined();
		expect(result.output('Zoom').map((i) => i.json)).toEqual([
			{ fileName: 'naïve talk.mp4', mimeType: 'video/mp4' },
			{ fileName: 'quoted name.txt', mimeType: 'text/plain' },
			{ fileName: 'fallback.vtt', mimeType: 'text/vtt' },
			{ fileName: 'plain.m4a', mimeType: 'application/octet-stream' },
			{ fileName: 'zoom-recording-f4', mimeType: 'audio/ogg' },
			{ fileName: 'zoom-recording-my talk.mp4', mimeType: 'application/octet-stream' },
			{ fileName: 'zoom-recording-recording', mimeType: 'application/octet-stream' },
			{ fileName: 'it\'s "good".txt', mimeType: 'text/plain' },
			{ fileName: 'spaced star.txt', mimeType: 'text/plain' },
		]);
		expect(result.output('Zoom').map((i) => i.binary?.data.fileName)).toEqual(result.output('Zoom').map((i) => i.json.fileName));
	});

	test('by file ID without Content-Disposition: the name from the recording type, file ID and extension; the type from the file type', async () => {
		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z', files: [{ type: 'M4A' }, { type: 'CHAT' }, { type: 'CSV' }, { type: 'X3D' }] });
		const [m4a, chat, csv, other] = recording.recording_files as unknown as Array<Record<string, unknown>>;
		// what a listing may leave out: the extension, the recording type; a file type in lower case; no file type at all
		delete chat.file_extension;
		delete chat.recording_type;
		csv.file_type = 'csv';
		delete other.file_type;
		delete other.file_extension;
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'download', source: 'file', meetingId: String(recording.id), fileId: '={{ $json.id }}', requestOptions: { concurrency: 1 } })],
			[m4a, chat, csv, other].map((f) => ({ id: String(f.id) })),
		);
		expect(result.error('Zoom')).toBeUndefined();
		const file = (f: Record<string, unknown>, fileName: string, mimeType: string) => ({
			fileName,
			mimeType,
			meetingUuid: recording.uuid,
			fileId: f.id,
			fileType: f.file_type,
			fileSize: f.file_size,
			recordingType: f.recording_type,
			recordingStart: '2024-09-15T01:00:00Z',
			recordingEnd: '2024-09-15T01:00:00Z',
		});
		expect(result.output('Zoom').map((i) => i.json)).toEqual([
			file(m4a, `zoom-audio_only-${String(m4a.id)}.m4a`, 'audio/mp4'),
			file(chat, `zoom-recording-${String(chat.id)}.chat`, 'text/plain'),
			file(csv, `zoom-shared_screen_with_speaker_view-${String(csv.id)}.csv`, 'text/csv'),
			// the storage host's own type (the simulator's text/plain for a type it does not know)
			file(other, `zoom-shared_screen_with_speaker_view-${String(other.id)}.bin`, 'text/plain'),
		]);
	});

	test('refusals before the download: the hosts of each environment, an API base URL that is not a URL, an empty file ID, a file without a download link', async () => {
		const url = 'https://evil.example.com/rec/download/x';
		const refusal = (allowed: string, got: string) => `"Download URL" must be an address on Zoom’s hosts for the credential (${allowed}), got "${got}" (item 0)`;
		const zoom = s2sSetup(sim, { environment: 'zoom' });
		const gov = s2sSetup(sim, { environment: 'zoomGov' });
		// a Download Base URL that is not http(s) names no host
		const ftp = s2sSetup(sim, { customDownloadBaseUrls: 'ftp://files.example.com' });
		const download = (s: Setup, downloadUrl: string) => s.engine.run([zoomNode(s, { resource: 'recording', operation: 'download', source: 'url', downloadUrl })]);
		const offHost = (await download(zoom, url)).error('Zoom');
		expect(offHost?.message).toBe(refusal('zoom.us (HTTPS)', url));
		expect(offHost?.description).toBe('The access token is sent with the download, so no other host is accepted');
		expect((await download(gov, url)).error('Zoom')?.message).toBe(refusal('zoomgov.com (HTTPS)', url));
		expect((await download(ftp, 'ftp://files.example.com/rec/x')).error('Zoom')?.message).toBe(
			refusal('zoom.us, zoomgov.com (HTTPS) or a host the credential names (API, OAuth or Download Base URLs)', 'ftp://files.example.com/rec/x'),
		);
		for (const customApiBaseUrl of ['api.example.com/v2', 'https:///v2', `x${sim.apiBaseUrl}`]) {
			const broken = s2sSetup(sim, { customApiBaseUrl });
			expect((await download(broken, `${sim.web.url}/rec/download/x`)).error('Zoom')?.message).toBe('The credential’s API base URL is not a URL; check its environment and custom URLs');
		}
		// an empty Download URL is no address on Zoom's hosts; an empty output field is refused
		const empty = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'download', source: 'url', downloadUrl: '={{ $json.url }}', binaryPropertyName: '={{ $json.field }}' }, { continueOnFail: true })],
			[{ url: '', field: 'data' }, { url: `${sim.web.url}/rec/download/x`, field: ' ' }],
		);
		expect(empty.output('Zoom').map((i) => i.json.error)).toEqual([
			refusal('zoom.us, zoomgov.com (HTTPS) or a host the credential names (API, OAuth or Download Base URLs)', ''),
			'"Put Output File in Field" is empty (item 1)',
		]);
		expect([...sim.log, ...sim.web.log]).toHaveLength(0);

		const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z', files: Array.from({ length: 11 }, () => ({ type: 'MP4' })) });
		const files = recording.recording_files as unknown as Array<Record<string, unknown>>;
		delete files[0].download_url;
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'download', source: 'file', meetingId: String(recording.id), fileId: '={{ $json.id }}' }, { continueOnFail: true })],
			[{ id: '' }, { id: String(files[0].id) }, { id: 'nope' }],
		);
		const badMeeting = await setup.engine.run([zoomNode(setup, { resource: 'recording', operation: 'download', source: 'file', meetingId: 'a b', fileId: 'f1' })]);
		expect(badMeeting.error('Zoom')?.message).toBe('"Meeting ID or UUID" must be a meeting ID (digits) or a meeting UUID (e.g. 4444AAAiAAAAAiAiAiiAii==), got "a b" (item 0)');
		const out = result.output('Zoom');
		expect(out.map((i) => i.json.error)).toEqual([
			'"Recording File ID" is empty (item 0)',
			refusal('zoom.us, zoomgov.com (HTTPS) or a host the credential names (API, OAuth or Download Base URLs)', '').replace('(item 0)', '(item 1)'),
			'"Recording File ID" "nope" is not among the meeting’s recording files (item 2)',
		]);
		// the first ten files are named
		expect((out[2].error as { description?: string }).description).toBe(`Files of this meeting: ${files.slice(0, 10).map((f) => `${String(f.id)} (MP4)`).join(', ')}`);
		expect(sim.web.log).toHaveLength(0);
	});

	test('a meeting whose recordings answer lists no files (or is JSON null) has none to download', async () => {
		const onList = (r: { path: string }) => r.path.endsWith('/recordings');
		sim.fail({ kind: 'answer', response: { status: 200, body: { uuid: 'abc==' } } }, { match: onList });
		sim.fail({ kind: 'answer', response: { status: 200, raw: 'null', headers: { 'Content-Type': 'application/json' } } }, { match: onList });
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'download', source: 'file', meetingId: '86220627999', fileId: 'f1', requestOptions: { concurrency: 1 } }, { continueOnFail: true })],
			[{}, {}],
		);
		const out = result.output('Zoom');
		expect(out.map((i) => i.json.error)).toEqual(['"Recording File ID" "f1" is not among the meeting’s recording files (item 0)', '"Recording File ID" "f1" is not among the meeting’s recording files (item 1)']);
		expect(out.map((i) => (i.error as { description?: string }).description)).toEqual(['The meeting has no recording files', 'The meeting has no recording files']);
	});
});

test.each([
	['zoom', 'https://us06web.zoom.us/rec/download/abc', true],
	['zoom', 'https://zoom.us/rec/download/abc', true],
	['zoom', 'http://zoom.us/rec/download/abc', false],
	['zoom', 'https://zoom.us.example.com/rec/download/abc', false],
	['zoom', 'https://notzoom.us/rec/download/abc', false],
	['zoom', 'https://zoomgov.com/rec/download/abc', false],
	['zoomGov', 'https://zoomgov.com/rec/download/abc', true],
	['zoomGov', 'https://us01web.zoomgov.com/rec/download/abc', true],
	['zoomGov', 'https://zoom.us/rec/download/abc', false],
	// the custom addresses a credential still holds count only with the Custom environment
	['zoom', 'https://api.proxy.example.com/rec/download/abc', false],
	['zoomGov', 'http://127.0.0.1:8081/rec/download/abc', false],
	['custom', 'https://ssrweb.zoom.us/file', true],
	['custom', 'https://api.proxy.example.com/rec/download/abc', true],
	['custom', 'https://sso.example.com/rec/download/abc', true],
	['custom', 'http://127.0.0.1:8081/rec/download/abc', true],
	['custom', 'http://127.0.0.1:8082/rec/download/abc', false],
	['custom', 'http://api.proxy.example.com/rec/download/abc', false],
	['custom', 'https://proxy.example.com/rec/download/abc', false],
] as const)('download host for %s: %s → %s', (environment, url, accepted) => {
	const credentials = {
		environment,
		customApiBaseUrl: 'https://api.proxy.example.com/v2',
		customOAuthBaseUrl: 'https://sso.example.com',
		customDownloadBaseUrls: 'http://127.0.0.1:8081, not a url',
	};
	expect(Boolean(checkDownloadHost(url, credentials))).toBe(accepted);
});

describe('Cloud Recording → Download: the token stays with Zoom', () => {
	const cdn = new Simulator('elsewhere');
	cdn.route('GET', '/file', () => ({ status: 200, raw: Buffer.from('not a recording'), headers: { 'Content-Type': 'video/mp4' } }));
	beforeAll(async () => await cdn.start());
	afterAll(async () => await cdn.stop());
	beforeEach(() => cdn.reset());

	test.each([301, 302, 303, 307, 308] as const)('a %d from the Zoom host to another host is followed without the token', async (status) => {
		for (const { engine, credential } of [setup, oauthSetup(sim)]) {
			cdn.reset();
			const recording = sim.addRecording({ startTime: '2024-09-15T01:00:00Z' });
			const file = recording.recording_files[0];
			sim.web.fail({ kind: 'redirect', status, location: `${cdn.url}/file?sig=abc` }, { match: (r) => r.path.startsWith('/rec/download/') });
			const result = await engine.run([zoomNode({ engine, credential }, { resource: 'recording', operation: 'download', source: 'url', downloadUrl: file.download_url })]);
			expect(result.error('Zoom')).toBeUndefined();
			expect(Buffer.from(result.output('Zoom')[0].binary!.data.data, 'base64').toString()).toBe('not a recording');
			// the Zoom host got the token, the other host got the request without it
			expect(sim.web.requests('GET', `/rec/download/${file.id}`).at(-1)!.headers.authorization).toMatch(/^Bearer \S+$/);
			expect(cdn.log).toHaveLength(1);
			expect(cdn.log[0].headers.authorization).toBeUndefined();
			expect(JSON.stringify(cdn.log[0].headers)).not.toMatch(/Bearer|zat_/);
		}
	});
});

describe('Server-to-Server token request', () => {
	const elsewhere = new Simulator('elsewhere');
	elsewhere.route('POST', '/token', () => ({ status: 200, body: { access_token: 'from-elsewhere', expires_in: 3600 } }));
	beforeAll(async () => await elsewhere.start());
	afterAll(async () => await elsewhere.stop());

	test.each([301, 302, 307, 308] as const)('a %d on the token endpoint is not followed: the client secret stays with Zoom', async (status) => {
		elsewhere.reset();
		sim.fail({ kind: 'redirect', status, location: `${elsewhere.url}/token` }, { match: (r) => r.path === '/oauth/token' });
		const result = await setup.engine.run([zoomNode(setup, { resource: 'user', operation: 'get', userId: 'me' })]);
		expect(result.error('Zoom')?.message).toBe(
			`Zoom error ${status}: the service answered with a redirect to ${new URL(elsewhere.url).host}, which is not followed: the credential is only sent to the address configured in it (item 0)`,
		);
		expect(elsewhere.log).toEqual([]);
		expect(sim.requests('GET', /^\/v2\/users/)).toEqual([]);
		expect(JSON.stringify(result.run)).not.toContain(sim.s2sClientSecret);
	});
});

describe('Cloud Recording → Delete', () => {
	test('to the trash by default, or permanently', async () => {
		const a = sim.addRecording({ uuid: '/trash//me==', startTime: '2024-09-15T01:00:00Z' });
		const b = sim.addRecording({ startTime: '2024-09-16T01:00:00Z' });
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'delete', meetingId: '={{ $json.id }}', deleteAction: '={{ $json.action }}' })],
			[{ id: a.uuid, action: 'trash' }, { id: b.id, action: 'delete' }],
		);
		expect(result.output('Zoom').map((i) => i.json)).toEqual([
			{ id: a.uuid, deleted: true, action: 'trash' },
			{ id: b.id, deleted: true, action: 'delete' },
		]);
		expect(sim.requests('DELETE').map((r) => [r.path, r.query.action])).toEqual([
			['/v2/meetings/%252Ftrash%252F%252Fme%253D%253D/recordings', 'trash'],
			[`/v2/meetings/${b.id}/recordings`, 'delete'],
		]);
		expect(a.trashed).toBe(true);
		expect(sim.recordings).not.toContain(b);
	});

	test('the output names the meeting as given: a UUID as text (spaces around it dropped), an ID as a number up to 15 digits', async () => {
		const byUuid = sim.addRecording({ uuid: 'Ab12cd34ef56gh78ij9012', startTime: '2024-09-15T01:00:00Z' });
		const byId = sim.addRecording({ startTime: '2024-09-16T01:00:00Z' });
		const long = sim.addRecording({ meetingId: 1234567890123456, startTime: '2024-09-17T01:00:00Z' });
		const dashed = String(byId.id).replace(/^(\d{3})(\d{4})(\d+)$/, '$1-$2 $3');
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'delete', meetingId: '={{ $json.id }}' })],
			[{ id: ` ${byUuid.uuid} ` }, { id: dashed }, { id: '1234567890123456' }],
		);
		expect(result.output('Zoom').map((i) => i.json)).toEqual([
			{ id: byUuid.uuid, deleted: true, action: 'trash' },
			{ id: byId.id, deleted: true, action: 'trash' },
			{ id: '1234567890123456', deleted: true, action: 'trash' },
		]);
		expect(sim.requests('DELETE').map((r) => r.path)).toEqual([
			`/v2/meetings/${byUuid.uuid}/recordings`,
			`/v2/meetings/${byId.id}/recordings`,
			`/v2/meetings/${long.id}/recordings`,
		]);
	});
});
