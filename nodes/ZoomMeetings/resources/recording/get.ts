import type { INodeProperties } from 'n8n-workflow';

import { meetingLocator } from '../../shared/locators';

export const recordingMeetingField = (operations: string[]): INodeProperties =>
	meetingLocator(
		{ resource: ['recording'], operation: operations },
		{
			uuid: true,
			description:
				'A meeting ID (from the list, typed or from its join link) gives its latest instance; a UUID (from a recording list or a webhook) gives one instance. UUIDs that need double encoding are handled.',
		},
	);

export const recordingGetDescription: INodeProperties[] = [recordingMeetingField(['get'])];
