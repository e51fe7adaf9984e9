/**
 * What the document does not show, in every plausible shape: a refused key, a create without a name,
 * and a created room in another shape than the documented one. The node reads the documented answer
 * or fails naming what arrived — never an empty success.
 */
import { createEngine, type Engine, type TestNode } from '../harness/engine';
import { WRONG_KEY_SHAPES } from '../simulators/base';
import { MISSING_NAME_SHAPES, ROOM_ANSWER_SHAPES, VisioconferenceSimulator } from '../simulators/visioconference';

const sim = new VisioconferenceSimulator();
let engine: Engine;

beforeAll(async () => {
	await sim.start();
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => {
	sim.reset();
	engine = createEngine();
	engine.store.add('visio', 'visioconferenceApi', { apiKey: sim.apiKey, baseUrl: sim.apiBaseUrl });
	engine.store.add('bad', 'visioconferenceApi', { apiKey: 'wrong-key-123456', baseUrl: sim.apiBaseUrl });
});

const roomNode = (credential = 'visio', parameters: Record<string, unknown> = {}): TestNode => ({
	name: 'Visio',
	type: 'n8n-nodes-conferencing.visioconference',
	parameters: { resource: 'room', operation: 'create', name: 'Weekly sync', ...parameters },
	credentials: { visioconferenceApi: { id: credential, name: credential } },
});

const refusedKey: Record<(typeof WRONG_KEY_SHAPES)[number], RegExp> = {
	json401: /^Visioconference\.me error 401: the API key was rejected \(Unauthorized\); check the credential's API key$/,
	html403: /^Visioconference\.me error 403: the API key was rejected; check the credential's API key$/,
	loginRedirect: /^Visioconference\.me error 302: the service answered with a redirect to 127\.0\.0\.1:\d+, which is not followed/,
	envelope200: /^Visioconference\.me error 401: the API key was rejected \(Invalid API token\); check the credential's API key$/,
	foreignBody: /^Visioconference\.me error 200: the answer to the room creation is not in the expected shape \(HTTP 200, application\/json, a JSON object with the keys "ok", "result", "version"\)$/,
};

test.each([...WRONG_KEY_SHAPES])('a refused key answered as %s: a clear error, no output, the key never shown', async (shape) => {
	sim.wrongKeyShape = shape;
	const result = await engine.run([roomNode('bad')]);
	expect(result.error('Visio')?.message).toMatch(refusedKey[shape]);
	expect(result.output('Visio')).toHaveLength(0);
	expect(JSON.stringify(result.run)).not.toContain('wrong-key-123456');
	expect(sim.rooms.size).toBe(0);
});

const roomAnswer: Record<(typeof ROOM_ANSWER_SHAPES)[number], RegExp | undefined> = {
	documented: undefined,
	bare: /^Visioconference\.me error 201: the answer to the room creation is not in the expected shape \(HTTP 201, application\/json, a JSON object with the keys "iframe", "uniqid", "url", "room"\)$/,
	noRoom: /^Visioconference\.me error 201: the answer to the room creation is not in the expected shape \(HTTP 201, application\/json, a JSON object with the keys "code", "data", "message"\)$/,
	nullRoom: /^Visioconference\.me error 201: the answer to the room creation is not in the expected shape \(HTTP 201, application\/json, a JSON object with the keys "code", "data", "message"\)$/,
	emptyToken: /^Visioconference\.me error 201: the answer to the room creation is not in the expected shape \(HTTP 201, application\/json, a JSON object with the keys "code", "data", "message"\)$/,
	otherKey: /^Visioconference\.me error 201: the answer to the room creation is not in the expected shape \(HTTP 201, application\/json, a JSON object with the keys "code", "result", "message"\)$/,
	html200: /^Visioconference\.me error 200: the answer to the room creation is not in the expected shape \(HTTP 200, text\/html, a web page\)$/,
	loginRedirect: /^Visioconference\.me error 302: the service answered with a redirect/,
};

test.each([...ROOM_ANSWER_SHAPES])('a created room answered as %s: read as documented or a clear error', async (shape) => {
	sim.answerShape = shape;
	const result = await engine.run([roomNode()]);
	const expected = roomAnswer[shape];
	if (!expected) {
		expect(result.error('Visio')).toBeUndefined();
		expect(result.output('Visio')[0].json.moderatorLink).toMatch(/^https:\/\/meet\.visio\.test\/meet\/\w+\?m=\w+$/);
		return;
	}
	const error = result.error('Visio');
	expect(error?.message).toMatch(expected);
	expect(result.output('Visio')).toHaveLength(0);
	// the room exists at the service: the error says so when the answer was a 2xx, and names what "data" held
	const data: Partial<Record<typeof shape, string>> = {
		bare: ' (its "data" is nothing)',
		noRoom: ' (its "data" is a JSON object with the keys "iframe", "uniqid", "url")',
		nullRoom: ' (its "data" is a JSON object with the keys "iframe", "uniqid", "url", "room")',
		emptyToken: ' (its "data" is a JSON object with the keys "iframe", "uniqid", "url", "room")',
		otherKey: ' (its "data" is nothing)',
		// a page has no "data" to describe
		html200: '',
	};
	if (shape !== 'loginRedirect') {
		expect(error?.description).toBe(
			`Expected the documented answer: "data.url" (the room's web address) and "data.room" with its "moderator_token"${data[shape]}. ` +
				'A room may have been created: check the account before running the item again. If your server answers in another shape, please report the shape named above.',
		);
	}
});

test.each([...MISSING_NAME_SHAPES])('the credential test, when a nameless create is answered as %s', async (shape) => {
	// the test sends a nameless create: only an answer that shows the key was accepted passes it
	sim.missingNameShape = shape;
	const outcome = await engine.testCredential('visio');
	if (shape === 'html500') {
		expect(outcome.status).toBe('Error');
	} else {
		expect(outcome).toEqual({ status: 'OK', message: 'Connection successful!' });
	}
	expect(sim.rooms.size).toBe(0);
});

test('participants: an entry without a name, or with an object as name, is refused before any request', async () => {
	const cases: Array<[unknown, string]> = [
		[[{ name: 'Anne' }, { name: '  ' }], '"Participants" entry 2 "Name" is empty (item 0)'],
		[[{ name: { first: 'Anne' } }], '"Participants" entry 1 "Name" must be text, got an object (item 0)'],
		// an expression may give a list with a hole in it
		[[{ name: 'Anne' }, null], '"Participants" entry 2 "Name" is empty (item 0)'],
	];
	for (const [participant, message] of cases) {
		const result = await engine.run([roomNode('visio', { options: { participants: { participant } } })]);
		expect(result.error('Visio')?.message).toBe(message);
	}
	const objectName = await engine.run([roomNode('visio', { name: '={{ $json.topic }}' })], [{ topic: { text: 'Weekly' } }]);
	expect(objectName.error('Visio')?.message).toBe('"Room Name" must be text, got an object (item 0)');
	expect(sim.log).toHaveLength(0);
});
