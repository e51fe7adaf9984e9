import type { INodeProperties } from 'n8n-workflow';

import { objectData, STATUS_KEYS } from '../../shared/output';
import { recordingFilesOutput } from '../../shared/download';
import { conferenceNumberField, recordingIdField } from '../../shared/fields';
import { recordingGetFilesDescription } from './getFiles';
import { checkOrigin } from '../../shared/validation';

const forRecording = (operation: string[]) => ({ resource: ['recording'], operation });

export const recordingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Delete File',
				value: 'deleteFile',
				action: 'Delete a recording file',
				description: 'Delete a recording file by its recording ID',
				routing: {
					request: { method: 'POST', url: '/meeting/delRecordFile' },
					output: { postReceive: [objectData(['recordId'])] },
				},
			},
			{
				name: 'Get Files',
				value: 'getFiles',
				action: 'Get the files of a recording',
				description: 'List the files of a recording (start and stop time, size, download link), optionally downloading them',
				routing: {
					request: { method: 'POST', url: '/meeting/getRecords' },
					send: { preSend: [checkOrigin] },
					output: { postReceive: [recordingFilesOutput] },
				},
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the recording and live status of a meeting',
				description: 'Whether recording and live streaming are on, with the running recording’s ID and the live stream URL',
				routing: {
					request: { method: 'POST', url: '/meeting/getLiveRecStatus' },
					output: { postReceive: [objectData(STATUS_KEYS)] },
				},
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start recording a meeting',
				description: 'Start recording a running meeting; outputs the recording ID',
				routing: {
					request: { method: 'POST', url: '/meeting/openRecord' },
					output: { postReceive: [objectData(['recordId'])] },
				},
			},
			{
				name: 'Stop',
				value: 'stop',
				action: 'Stop recording a meeting',
				description: 'Stop the running recording of a meeting; outputs the recording ID',
				routing: {
					request: { method: 'POST', url: '/meeting/closeRecord' },
					output: { postReceive: [objectData(['recordId'])] },
				},
			},
		],
		default: 'start',
	},
	conferenceNumberField(forRecording(['start', 'stop', 'getStatus']), 'body'),
	recordingIdField(forRecording(['getFiles']), 'The recording ID returned by Start or Stop'),
	recordingIdField(
		forRecording(['deleteFile']),
		'The recordId of the file to delete, as listed by Get Files. The API document calls it “the recording’s unique ID” without saying which: if the service refuses a file’s recordId, use the ID Start returned.',
	),
	...recordingGetFilesDescription,
];
