import type { INodeProperties } from 'n8n-workflow';

import { recordingMeetingField } from './get';

const showOnlyForDownload = { resource: ['recording'], operation: ['download'] };

export const recordingDownloadDescription: INodeProperties[] = [
	{
		displayName: 'Download By',
		name: 'source',
		type: 'options',
		default: 'file',
		options: [
			{ name: 'Meeting and File ID', value: 'file', description: 'Looks the file up in the meeting’s recordings' },
			{ name: 'Download URL', value: 'url', description: 'A recording file’s download_url (from Get or a webhook)' },
		],
		displayOptions: { show: showOnlyForDownload },
	},
	{
		...recordingMeetingField(['download']),
		displayOptions: { show: { ...showOnlyForDownload, source: ['file'] } },
	},
	{
		displayName: 'Recording File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8',
		description: 'The ID of one of the meeting’s recording_files',
		displayOptions: { show: { ...showOnlyForDownload, source: ['file'] } },
	},
	{
		displayName: 'Download URL',
		name: 'downloadUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://us06web.zoom.us/rec/download/…',
		description:
			'Must be on Zoom’s hosts for the credential’s environment (zoom.us or zoomgov.com and their subdomains, HTTPS) or, with a Custom credential, on a host it names: the access token is sent with it',
		displayOptions: { show: { ...showOnlyForDownload, source: ['url'] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: showOnlyForDownload },
	},
];
