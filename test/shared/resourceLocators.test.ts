/**
 * Every resource locator of every node of the package, walked from the descriptions n8n loads: each
 * "From List" names a `listSearch` method the node has, each mode's regexes compile, and the IDs the
 * services are known to list are locators (not plain strings).
 */
import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { MEETING_URL_REGEX } from '../../nodes/ZoomMeetings/shared/locators';
import { PREFIX } from '../harness/engine';
import { packageNodeTypes } from '../harness/package';

const nodes = Object.entries(packageNodeTypes(PREFIX));

const locators = nodes.flatMap(([type, node]) =>
	node.description.properties.filter((p): p is INodeProperties => p.type === 'resourceLocator').map((p) => ({ type, node, property: p })),
);

test('the locators the services can list or name', () => {
	const found = new Set(locators.map(({ type, property }) => `${type.replace(PREFIX, '')}.${property.name}`));
	for (const expected of ['zoomMeetings.meetingId', 'zoomMeetings.userId', 'zijingCloud.conferenceKey', 'chatMessenger.chatRoomId', 'chatMessenger.conferenceRoom']) {
		expect(found).toContain(expected);
	}
});

test.each(locators.map((l) => [`${l.type.replace(PREFIX, '')}.${l.property.name} (${JSON.stringify(l.property.displayOptions?.show ?? {})})`, l] as const))(
	'%s: its list method exists and its regexes compile',
	(_label, { node, property }) => {
		const modes = (property.modes ?? []) as INodePropertyMode[];
		expect(modes.length).toBeGreaterThan(0);
		expect(modes.map((m) => m.name)).toContain((property.default as { mode: string }).mode);
		for (const mode of modes) {
			if (mode.type === 'list') {
				const method = mode.typeOptions?.searchListMethod;
				expect(typeof node.methods?.listSearch?.[method ?? '']).toBe('function');
			}
			const extract = mode.extractValue;
			if (extract) expect(() => new RegExp(String(extract.regex))).not.toThrow();
			for (const rule of mode.validation ?? []) {
				if (typeof rule === 'object' && rule.type === 'regex') expect(() => new RegExp((rule.properties as { regex: string }).regex)).not.toThrow();
			}
		}
	},
);

test.each([
	['https://us06web.zoom.us/j/86220627999?pwd=abc', '86220627999'],
	['https://zoom.us/j/862206279', '862206279'],
	['https://acme.zoom.us/w/86220627999', '86220627999'],
	['https://us02web.zoom.us/s/86220627999?zak=x', '86220627999'],
	['https://zoom.us/wc/join/86220627999', '86220627999'],
	['https://www.zoomgov.com/j/1612345678', '1612345678'],
	['https://zoom.com/j/86220627999', '86220627999'],
	['https://example.com/j/86220627999', undefined],
	['https://zoom.us.example.com/j/86220627999', undefined],
	['https://zoom.us/my/anna', undefined],
])('Zoom "By URL": %s gives %s', (link, id) => {
	expect(new RegExp(MEETING_URL_REGEX).exec(link)?.[1]).toBe(id);
});
