import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_DOWNLOAD_TIMEOUT_MS } from '../../shared/download';

const showOnlyForGetFiles = { resource: ['recording'], operation: ['getFiles'] };

export const recordingGetFilesDescription: INodeProperties[] = [
	{
		displayName: 'Download Files',
		name: 'download',
		type: 'boolean',
		default: false,
		description:
			'Whether to download each file from its download link into binary data. The link is signed; it is fetched without the credential’s key.',
		displayOptions: { show: showOnlyForGetFiles },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForGetFiles },
		options: [
			{
				displayName: 'Download Timeout',
				name: 'downloadTimeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_DOWNLOAD_TIMEOUT_MS,
				description: 'Time in milliseconds one file download may take (files reach 100 MB)',
				displayOptions: { show: { '/download': [true] } },
			},
			{
				displayName: 'Origin',
				name: 'origin',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://api.example.com',
				description: 'Sent as "origin" (https://apiServer in the API document); at most 128 characters. Leave empty unless Zijing asks for it.',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				hint: 'The name of the output binary field to put the file in',
				displayOptions: { show: { '/download': [true] } },
			},
		],
	},
];
