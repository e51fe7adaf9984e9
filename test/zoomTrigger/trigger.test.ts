/**
 * The Zoom Meetings Trigger end to end: Zoom's side (test/simulators/zoomWebhooks.ts) sends real
 * HTTP requests to a stand-in of n8n's webhook server (webhookHost.ts), which runs the node's
 * webhook() in n8n-core's WebhookContext and starts the workflow with n8n-core's WorkflowExecute.
 */
import http from 'node:http';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { ZoomWebhookSender, zoomEncryptedToken, type ZoomEvent } from '../simulators/zoomWebhooks';
import { startTriggerHost, type TriggerHost } from './webhookHost';

const SECRET = 'QTMTsKHtS_mBSrKaFpxt1w';

const meeting = {
	id: 85746065432,
	uuid: '4444AAAiAAAAAiAiAiiAii==',
	host_id: 'x1yCzABCDEfg23HiJKl4mN',
	topic: 'Weekly sync',
	type: 2,
	start_time: '2026-11-23T13:00:00Z',
	timezone: 'Asia/Tokyo',
	duration: 30,
};

let host: TriggerHost;
let zoom: ZoomWebhookSender;
let warnings: string[];

beforeAll(async () => {
	host = await startTriggerHost(SECRET, { events: ['meeting.started'], output: 'full' });
	zoom = new ZoomWebhookSender(SECRET, host.url);
	const logger = Container.get(Logger);
	jest.spyOn(logger, 'warn').mockImplementation((message: string, meta?: object) => {
		warnings.push(`${message} ${JSON.stringify(meta ?? {})}`);
	});
});

afterAll(async () => {
	await host.stop();
});

beforeEach(async () => {
	await host.settled();
	host.executions.length = 0;
	host.results.length = 0;
	warnings = [];
	host.setParameters({ events: ['meeting.started'], output: 'full' });
});

async function executionsAfterSettling() {
	await host.settled();
	return host.executions;
}

describe('endpoint validation', () => {
	it('answers url_validation with the plainToken and its HMAC, as Zoom checks it', async () => {
		const answer = await zoom.validate('qgg8vlvZRS6UYooatFL8Aw');
		expect(answer.status).toBe(200);
		expect(answer.contentType).toContain('application/json');
		expect(answer.json).toEqual({
			plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
			encryptedToken: zoomEncryptedToken(SECRET, 'qgg8vlvZRS6UYooatFL8Aw'),
		});
		expect(zoom.checkValidation(answer)).toEqual({ valid: true });
		expect(await executionsAfterSettling()).toHaveLength(0);
	});

	it('answers url_validation whatever events are picked', async () => {
		host.setParameters({ events: [], output: 'full' });
		expect(zoom.checkValidation(await zoom.validate())).toEqual({ valid: true });
	});

	it('refuses an unsigned or forged url_validation (it would be a signing oracle)', async () => {
		// HMAC(secret, "v0:<ts>:<body>") is exactly a request signature: answering it unsigned would sign anything
		const forgedToken = `v0:${Math.floor(Date.now() / 1000)}:{"event":"meeting.started"}`;
		const unsigned = await zoom.validate(forgedToken, { signature: null });
		expect(unsigned.status).toBe(401);
		expect(unsigned.json).toEqual({ code: 'missing_signature', message: 'Missing x-zm-signature header' });

		const forged = await zoom.validate(forgedToken, { secret: 'attacker-secret-000000' });
		expect(forged.status).toBe(401);
		expect(forged.json).toMatchObject({ code: 'invalid_signature' });
		expect(forged.text).not.toContain(zoomEncryptedToken(SECRET, forgedToken));
	});

	it('refuses a signed url_validation without plainToken with 400', async () => {
		const answer = await zoom.send({ event: 'endpoint.url_validation', event_ts: Date.now(), payload: {} });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code: 'missing_plain_token', message: 'The url_validation event has no payload.plainToken' });
	});
});

describe('signed events', () => {
	it('starts the workflow with the event as sent', async () => {
		const event = zoom.event('meeting.started', meeting);
		const answer = await zoom.send(event);
		expect(answer.status).toBe(200);
		expect(answer.text).toBe('');

		const executions = await executionsAfterSettling();
		expect(executions).toHaveLength(1);
		expect(executions[0].run.data.resultData.error).toBeUndefined();
		expect(executions[0].trigger.map((item) => item.json)).toEqual([event]);
		expect(executions[0].received.map((item) => item.json)).toEqual([
			{
				event: 'meeting.started',
				event_ts: event.event_ts,
				payload: { account_id: 'AAAAAAAAAAAAAAAAAAAAAA', object: meeting },
			},
		]);
	});

	it('verifies the raw bytes: a body with spaces and \\u escapes is accepted as signed', async () => {
		const raw = `{ "event": "meeting.started", "event_ts": ${Date.now()}, "payload": { "account_id": "AAAAAAAAAAAAAAAAAAAAAA", "object": { "id": 85746065433, "topic": "\\u6708\\u4f8b\\u4f1a \\u00e9" } } }`;
		expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw);
		const answer = await zoom.send(raw);
		expect(answer.status).toBe(200);
		const [execution] = await executionsAfterSettling();
		expect(execution.trigger[0].json).toMatchObject({ payload: { object: { id: 85746065433, topic: '月例会 é' } } });
	});

	it('outputs only payload.object when Output is "Payload Object Only"', async () => {
		host.setParameters({ events: ['recording.completed'], output: 'payloadObject' });
		const recording = {
			...meeting,
			recording_count: 1,
			recording_files: [{ id: 'f1', file_type: 'MP4', download_url: 'https://zoom.us/rec/download/abc' }],
		};
		const event: ZoomEvent = { ...zoom.event('recording.completed', recording), download_token: 'short-lived' };
		expect((await zoom.send(event)).status).toBe(200);
		const [execution] = await executionsAfterSettling();
		expect(execution.trigger.map((item) => item.json)).toEqual([recording]);
	});

	it('acknowledges an event that is not picked with 200 and does not start the workflow', async () => {
		const answer = await zoom.sendEvent('meeting.ended', meeting);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ message: 'Event meeting.ended received; it does not start this workflow' });
		expect(await executionsAfterSettling()).toHaveLength(0);
		expect(host.results).toEqual([{ webhookResponse: answer.json }]);
	});

	it('starts on every event with "All Events", and on additional event names', async () => {
		host.setParameters({ events: ['*'], output: 'full' });
		expect((await zoom.sendEvent('meeting.participant_joined', { ...meeting, participant: { user_name: 'Aiko' } })).status).toBe(200);
		expect((await zoom.sendEvent('phone.callee_ended', { id: 'call-1' })).status).toBe(200);

		host.setParameters({ events: ['meeting.started'], output: 'full', options: { additionalEvents: ' meeting.participant_put_in_waiting_room , phone.callee_ended' } });
		expect(await zoom.sendEvent('phone.callee_ended', { id: 'call-2' })).toMatchObject({ status: 200, text: '' });
		expect((await zoom.sendEvent('meeting.participant_left', meeting)).json).toMatchObject({ message: expect.stringContaining('does not start') });

		const executions = await executionsAfterSettling();
		expect(executions.map((e) => e.trigger[0].json.event)).toEqual(['meeting.participant_joined', 'phone.callee_ended', 'phone.callee_ended']);
	});

	it('refuses a signed body that is not a Zoom event with 400', async () => {
		const answer = await zoom.send('["meeting.started"]');
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code: 'not_an_event', message: 'The body is not a Zoom event (no "event" name)' });
		expect(await executionsAfterSettling()).toHaveLength(0);
	});
});

describe('refused calls answer 401 without starting the workflow', () => {
	const MESSAGES: Record<string, string> = {
		invalid_signature: 'The signature does not match the request',
		stale_timestamp: 'The request timestamp is more than 5 minutes away from this server’s clock',
		replayed_request: 'This signed request was already received',
	};
	async function expectRefused(answer: { status: number; json?: unknown }, code: string, message = MESSAGES[code]) {
		expect(answer.status).toBe(401);
		expect(answer.json).toEqual({ code, message });
		expect(await executionsAfterSettling()).toHaveLength(0);
		expect(host.results.at(-1)).toEqual({ noWebhookResponse: true });
	}

	it('a signature made with another secret', async () => {
		await expectRefused(await zoom.sendForged(zoom.event('meeting.started', meeting)), 'invalid_signature');
	});

	it('a body changed after signing', async () => {
		const answer = await zoom.send(zoom.event('meeting.started', meeting), { tamper: (raw) => raw.replace('Weekly sync', 'Weekly sync!') });
		await expectRefused(answer, 'invalid_signature');
	});

	it('a missing x-zm-signature header', async () => {
		await expectRefused(await zoom.send(zoom.event('meeting.started', meeting), { signature: null }), 'missing_signature', 'Missing x-zm-signature header');
	});

	it('a missing x-zm-request-timestamp header', async () => {
		await expectRefused(await zoom.send(zoom.event('meeting.started', meeting), { timestampHeader: null }), 'missing_signature', 'Missing x-zm-request-timestamp header');
	});

	it('a correctly signed request 6 minutes old', async () => {
		await expectRefused(await zoom.sendStale(zoom.event('meeting.started', meeting), 360), 'stale_timestamp');
	});

	it('a correctly signed request 6 minutes in the future', async () => {
		await expectRefused(await zoom.sendStale(zoom.event('meeting.started', meeting), -360), 'stale_timestamp');
	});

	// Zoom retries 5, 25 and 85 minutes after a failed delivery; no public source says whether a retry
	// carries a new timestamp. One that keeps its first timestamp is refused once it is older than 5 minutes.
	it.each([25, 85])('a Zoom retry %d minutes later that keeps its first timestamp', async (minutes) => {
		await expectRefused(await zoom.retry(zoom.event('recording.completed', meeting), minutes, false), 'stale_timestamp');
	});

	it('a Zoom retry signed anew (new timestamp) starts the workflow', async () => {
		const answer = await zoom.retry(zoom.event('meeting.started', meeting), 85, true);
		expect(answer.status).toBe(200);
		expect(await executionsAfterSettling()).toHaveLength(1);
	});

	it('a replay of a request already received (same timestamp and signature)', async () => {
		const first = await zoom.sendEvent('meeting.started', meeting);
		expect(first.status).toBe(200);
		const again = await zoom.replay(first);
		expect(again.status).toBe(401);
		expect(again.json).toEqual({ code: 'replayed_request', message: 'This signed request was already received' });
		expect(host.results.at(-1)).toEqual({ noWebhookResponse: true });
		expect(await executionsAfterSettling()).toHaveLength(1);
	});

	it('a replay of an acknowledged (not picked) event', async () => {
		const first = await zoom.sendEvent('meeting.ended', meeting);
		expect(first.status).toBe(200);
		await expectRefused(await zoom.replay(first), 'replayed_request');
	});
});

describe('size caps and header formats', () => {
	async function expectRefusedWith(answer: { status: number; json?: unknown }, status: number, json: unknown) {
		expect(answer.status).toBe(status);
		expect(answer.json).toEqual(json);
		expect(await executionsAfterSettling()).toHaveLength(0);
		expect(host.results.at(-1)).toEqual({ noWebhookResponse: true });
	}

	it('a correctly signed 20 MB event does not start a run (413)', async () => {
		const event = zoom.event('meeting.started', { ...meeting, agenda: 'x'.repeat(20 * 1024 * 1024) });
		const answer = await zoom.send(event);
		const size = Buffer.byteLength(JSON.stringify(event));
		await expectRefusedWith(answer, 413, {
			code: 'body_too_large',
			message: `The body is ${size} bytes; Zoom events are at most 2097152 bytes here`,
		});
	});

	it('an event just under the cap is accepted', async () => {
		const answer = await zoom.sendEvent('meeting.started', { ...meeting, agenda: 'x'.repeat(2 * 1024 * 1024 - 1000) });
		expect(answer.status).toBe(200);
		expect(await executionsAfterSettling()).toHaveLength(1);
	});

	it('a signed url_validation with a 1 MB plainToken is not echoed (400)', async () => {
		const plainToken = 'A'.repeat(1024 * 1024);
		const answer = await zoom.validate(plainToken);
		await expectRefusedWith(answer, 400, {
			code: 'plain_token_too_long',
			message: "payload.plainToken is 1048576 characters long; Zoom's are short, at most 128 are answered",
		});
		expect(answer.text).not.toContain('A'.repeat(200));
	});

	it('a 13-digit timestamp in milliseconds is refused, even when the signature covers it', async () => {
		const answer = await zoom.send(zoom.event('meeting.started', meeting), { timestamp: Date.now() });
		await expectRefusedWith(answer, 401, {
			code: 'malformed_timestamp',
			message: 'The x-zm-request-timestamp header must be Unix seconds (10 digits), as Zoom sends it',
		});
	});

	it.each(['x-zm-signature', 'x-zm-request-timestamp'])('a request with the %s header twice gets 401, not a server error', async (twice) => {
		const signed = zoom.sign(zoom.event('meeting.started', meeting));
		const rawHeaders: string[] = ['host', new URL(signed.url).host, 'content-length', String(Buffer.byteLength(signed.raw))];
		for (const [name, value] of Object.entries(signed.headers)) {
			rawHeaders.push(name, value);
			if (name === twice) rawHeaders.push(name, value);
		}
		const answer = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
			const request = http.request(signed.url, { method: 'POST', headers: rawHeaders }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
			});
			request.on('error', reject);
			request.end(signed.raw);
		});
		await expectRefusedWith(answer, 401, { code: 'repeated_header', message: `The ${twice} header was sent more than once` });
	});
});

describe('secrets', () => {
	it('never puts the Secret Token into answers, output or log lines', async () => {
		const texts: string[] = [];
		for (const answer of [
			await zoom.validate(),
			await zoom.sendEvent('meeting.started', meeting),
			await zoom.sendForged(zoom.event('meeting.started', meeting)),
			await zoom.sendStale(zoom.event('meeting.started', meeting)),
			await zoom.send(zoom.event('meeting.started', meeting), { signature: null }),
		]) {
			texts.push(answer.text);
		}
		const executions = await executionsAfterSettling();
		expect(executions).toHaveLength(1);
		texts.push(JSON.stringify(executions.map((e) => e.run.data)));
		expect(warnings).toHaveLength(3);
		expect(warnings[0]).toContain('Zoom Meetings Trigger refused a request (401 invalid_signature)');
		texts.push(...warnings);
		for (const text of texts) {
			expect(text).not.toContain(SECRET);
			expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
		}
	});

	it('answers 500 and starts nothing when the credential has no Secret Token', async () => {
		const entry = host.engine.store.get('zoom-webhook');
		const saved = entry.data;
		entry.data = { secretToken: '  ' };
		try {
			const answer = await zoom.sendEvent('meeting.started', meeting);
			expect(answer.status).toBe(500);
			expect(answer.json).toEqual({ code: 'not_configured', message: 'The trigger’s credential has no Secret Token' });
			expect(await executionsAfterSettling()).toHaveLength(0);
		} finally {
			entry.data = saved;
		}
	});
});
