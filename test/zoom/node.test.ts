import fs from 'node:fs';
import path from 'node:path';

import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ZoomMeetings } from '../../nodes/ZoomMeetings/ZoomMeetings.node';

const dir = path.resolve(__dirname, '../../nodes/ZoomMeetings');

test('description: names, icons, codex, credentials per authentication, tool use', () => {
	const node = new ZoomMeetings();
	const d = node.description;
	expect(d).toMatchObject({ name: 'zoomMeetings', displayName: 'Zoom Meetings', usableAsTool: true });
	expect(d.icon).toEqual({ light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' });
	for (const file of ['zoom.svg', 'zoom.dark.svg']) expect(fs.readFileSync(path.join(dir, file), 'utf8')).toMatch(/^<svg /);
	const codex = JSON.parse(fs.readFileSync(path.join(dir, 'ZoomMeetings.node.json'), 'utf8'));
	expect(codex.node).toBe('n8n-nodes-conferencing.zoomMeetings');
	expect(codex.alias).toEqual(expect.arrayContaining(['会議', '视频会议']));
	expect(d.credentials).toEqual([
		{ name: 'zoomMeetingsOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		{ name: 'zoomMeetingsServerToServerApi', required: true, displayOptions: { show: { authentication: ['serverToServerOAuth'] } } },
	]);
	const requestOptions = d.properties.find((p) => p.name === 'requestOptions');
	expect((requestOptions?.options as Array<{ name: string; default: unknown }>).find((o) => o.name === 'concurrency')?.default).toBe(4);
});

test('the timezone list comes from the runtime’s IANA zones', async () => {
	const node = new ZoomMeetings();
	const zones = (await node.methods.loadOptions.getTimezones.call({} as ILoadOptionsFunctions)) as INodePropertyOptions[];
	expect(zones[0].value).toBe('');
	expect(zones.map((z) => z.value)).toEqual(expect.arrayContaining(['Asia/Tokyo', 'Europe/Paris', 'America/New_York']));
});
