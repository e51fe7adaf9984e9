import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions';
import { executeDeclared, perItemOperation } from '../shared/executor';
import type { Declaration } from '../shared/routing';
import { joinLinkDescription } from './resources/joinLink';
import { createJoinLink } from './resources/joinLink/create';
import { roomDescription } from './resources/room';
import { settings } from './shared/transport';

/** The operations, declared as data: what the executor (and n8n's routing node) reads. */
const declaration: Declaration = {
	requestDefaults: {
		baseURL: '={{$credentials.baseUrl}}',
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		json: true,
	},
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Room', value: 'room' },
				{ name: 'Join Link', value: 'joinLink' },
			],
			default: 'room',
		},
		...roomDescription,
		...joinLinkDescription,
		requestOptionsProperty(settings.defaultConcurrency),
	],
};

export class Visioconference implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Visioconference',
		name: 'visioconference',
		icon: { light: 'file:visioconference.svg', dark: 'file:visioconference.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create Visioconference.me video rooms and moderator, guest and named join links',
		defaults: { name: 'Visioconference' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'visioconferenceApi',
				required: true,
				displayOptions: { show: { resource: ['room'] } },
			},
		],
		...declaration,
	};

	customOperations = {
		joinLink: {
			create: perItemOperation(settings, createJoinLink, { usesCredentials: false }),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeDeclared.call(this, declaration, settings);
	}
}
