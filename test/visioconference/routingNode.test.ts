/**
 * Every declared Visioconference.me operation, run by the pack's executor and by n8n-core's own
 * RoutingNode from the same simulator state: the same requests and the same items (see
 * test/harness/differential.ts). Below the table, what the executor does differently on purpose.
 */
import { Visioconference } from '../../nodes/Visioconference/Visioconference.node';
import { PREFIX } from '../harness/engine';
import { both, differentialSuite, oneCredential, httpErrorExplained, type DiffCase, type DiffTarget } from '../harness/differential';
import { VisioconferenceSimulator } from '../simulators/visioconference';

const sim = new VisioconferenceSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

const node = new Visioconference();
const target = (): DiffTarget => ({
	sim,
	node,
	setup: oneCredential('Visio', `${PREFIX}visioconference`, 'visioconferenceApi', () => ({ apiKey: sim.apiKey, baseUrl: sim.apiBaseUrl })),
	authHeaders: ['x-token'],
	// room IDs, tokens and times are made by the service: each value made is replaced wherever it appears
	volatile: (json) =>
		[...json.matchAll(/"(?:uniqid|moderator_token|password_token|id|id_team|id_user)":"([^"]+)"/g)]
			.reduce((text, [, made]) => text.split(made).join('<made>'), json)
			.replace(/"(createdAt|updatedAt)":("[^"]*"|\d+)/g, '"$1":"<time>"'),
});

const cases: DiffCase[] = [
	{
		operation: 'room.create',
		parameters: { name: '={{ $json.room }}', options: { participants: { participant: [{ name: 'Zoë & Co', moderator: false }] } } },
		items: [{ room: ' Équipe ' }],
		expect(ours) {
			expect(ours.requests).toEqual([
				{ method: 'POST', path: '/api/v1/entreprise/visio', query: {}, body: { name: 'Équipe' }, headers: expect.objectContaining({ accept: 'application/json', 'content-type': 'application/json' }) },
			]);
			expect(ours.items[0].json.participantLinks).toEqual([expect.objectContaining({ link: `${sim.meetingBase}<made>?name=Zo%C3%AB+%26+Co` })]);
		},
	},
	{
		operation: 'room.create',
		title: 'an HTTP 400 with the service’s envelope',
		parameters: { name: 'Équipe' },
		prepare: () => void sim.fail({ kind: 'status', status: 400, body: { code: 400, data: null, message: 'name is required' } }),
		differs: httpErrorExplained('Visioconference.me', 400),
		expect(ours) {
			expect(ours.requests).toHaveLength(1);
			expect(ours.error?.message).toMatch(/^Visioconference\.me error 400: .*name is required/);
		},
	},
];

differentialSuite(target, cases);

describe('where the executor differs from n8n’s RoutingNode, on purpose', () => {
	test('masking: an error page that echoes the request keeps the key out of the executor’s error; RoutingNode shows it', async () => {
		const { ours, n8ns } = await both(target(), { resource: 'room', operation: 'create', name: 'Équipe' }, { prepare: () => void sim.fail({ kind: 'echo', status: 400 }) });
		expect(n8ns.requests).toEqual(ours.requests);
		expect(ours.error?.message).toMatch(/^Visioconference\.me error 400/);
		expect(JSON.stringify(ours.error)).not.toContain(sim.apiKey);
		expect(JSON.stringify(n8ns.error)).toContain(sim.apiKey);
	});
});
