/**
 * The YTX Telephony family for the pack's fault matrix (`test/faults/families.ts`): Conference →
 * Start Now, one createMeeting per item.
 */
import type { Family } from '../faults/families';
import type { Simulator } from '../simulators/base';
import { YtxSimulator } from '../simulators/ytx';

export const ytxFamily: Family = {
	label: 'YTX Telephony: Conference → Start Now',
	service: 'YTX',
	nodeType: 'n8n-nodes-conferencing.ytxTelephony',
	simulator: () => new YtxSimulator('production'),
	credential: (sim) => {
		const ytx = sim as YtxSimulator;
		return {
			type: 'ytxTelephonyApi',
			data: { accountSid: ytx.accountSid, authToken: ytx.authToken, appId: ytx.appId, environment: 'custom', customUrl: ytx.url },
		};
	},
	parameters: {
		resource: 'conference',
		operation: 'start',
		meetingName: '={{ $json.name }}',
		creator: '={{ $json.creator }}',
		participantsInput: 'json',
		participantsJson: '={{ $json.parties }}',
	},
	item: { name: '周会', creator: '13600007556', parties: [{ name: '张三', phone: '15000000804' }] },
	isSideEffect: (method, path) => method === 'POST' && path.endsWith('/call/TeleMeeting.wx'),
	envelopeFailure: { kind: 'status', status: 200, body: { statusCode: '-102', statusMsg: '电话号码无效', requestId: '' } },
	envelopeWith: (message) => ({ statusCode: '-102', statusMsg: message, requestId: '' }),
	badInputs: [
		{ label: 'empty name', item: { name: ' ', creator: '13600007556', parties: [{ name: 'a', phone: '15000000804' }] }, message: /"Meeting Name" is empty/ },
		{ label: 'bad creator', item: { name: 'x', creator: '12345', parties: [{ name: 'a', phone: '15000000804' }] }, message: /"Creator Phone" is not a phone number: "12345"/ },
		{ label: 'no participant', item: { name: 'x', creator: '13600007556', parties: [] }, message: /"Participants \(JSON\)" is empty: add at least one participant/ },
		{ label: 'bad participant phone', item: { name: 'x', creator: '13600007556', parties: [{ name: 'a', phone: '555' }] }, message: /"Participants \(JSON\)" entry 1: phone "555" is not a phone number/ },
	],
	secrets: (sim: Simulator) => {
		const ytx = sim as YtxSimulator;
		const derived = ytx.log.flatMap((r) => [r.query.Sign, String(r.headers.authorization ?? '')]).filter((v) => v && v.length > 8);
		return [ytx.authToken, ...derived];
	},
};
