import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions';
import { executeDeclared } from '../shared/executor';
import type { Declaration } from '../shared/routing';
import { conferenceDescription } from './resources/conference';
import { settings } from './shared/transport';

/** The operations, declared as data: what the executor (and n8n's routing node) reads. */
const declaration: Declaration = {
	requestDefaults: {
		method: 'POST',
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/json;charset=utf-8',
		},
		json: true,
	},
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Conference', value: 'conference' }],
			default: 'conference',
		},
		...conferenceDescription,
		requestOptionsProperty(settings.defaultConcurrency),
	],
};

export class YtxTelephony implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'YTX Telephony',
		name: 'ytxTelephony',
		icon: { light: 'file:ytx.svg', dark: 'file:ytx.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Start, book, edit and cancel YTX (讯众) cloud telephony conferences',
		defaults: { name: 'YTX Telephony' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ytxTelephonyApi', required: true }],
		...declaration,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeDeclared.call(this, declaration, settings);
	}
}
