import type { INodeProperties } from 'n8n-workflow';

export const recordingMeetingField = (operations: string[]): INodeProperties => ({
	displayName: 'Meeting ID or UUID',
	name: 'meetingId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 86220627999 or 4444AAAiAAAAAiAiAiiAii==',
	description:
		'A meeting ID gives its latest instance; a UUID (from a recording list or a webhook) gives one instance. UUIDs that need double encoding are handled.',
	displayOptions: { show: { resource: ['recording'], operation: operations } },
});

export const recordingGetDescription: INodeProperties[] = [recordingMeetingField(['get'])];
