/**
 * What the Zoom Meetings Trigger's Events picker offers: Zoom's own event names (a misspelt one is an
 * event that never comes), each with a name to pick it by, in n8n's alphabetical order, "All Events"
 * explained, and the events the service contract calls useful among them.
 */
import type { INodePropertyOptions, INodeType } from 'n8n-workflow';

import { packageNodeTypes } from '../harness/package';

// read inside each test (a fresh instance each time), so that what a test checks is what n8n's editor gets
const eventsPicker = () => {
	const trigger: INodeType = packageNodeTypes('')['zoomMeetingsTrigger'];
	const events = trigger.description.properties.find((p) => p.name === 'events');
	if (!events?.options) throw new Error('the trigger has no Events picker');
	return events.options as INodePropertyOptions[];
};

describe('Zoom Meetings Trigger → Events', () => {
	test('every choice but "All Events" is a Zoom event name, given once, with a name of its own', () => {
		const options = eventsPicker().filter((o) => o.value !== '*');
		expect(options.length).toBeGreaterThanOrEqual(20);
		for (const option of options) {
			expect(option.value).toMatch(/^(meeting|recording|webinar)\.[a-z]+(_[a-z]+)*$/);
			expect(option.name).toMatch(/^[A-Z][A-Za-z]*( [A-Za-z]+)*$/);
		}
		expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
		expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
	});

	test('"All Events" comes first and says what it does; the rest in alphabetical order', () => {
		const [all, ...rest] = eventsPicker();
		expect(all).toEqual({ name: 'All Events', value: '*', description: 'Every event the Zoom app sends' });
		const names = rest.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	test('the events the service contract names as useful are offered under plain names', () => {
		const byValue = new Map(eventsPicker().map((o) => [o.value, o.name]));
		expect(Object.fromEntries(['meeting.started', 'meeting.ended', 'meeting.participant_joined', 'recording.completed'].map((v) => [v, byValue.get(v)]))).toEqual({
			'meeting.started': 'Meeting Started',
			'meeting.ended': 'Meeting Ended',
			'meeting.participant_joined': 'Participant Joined',
			'recording.completed': 'Recording Completed',
		});
	});
});
