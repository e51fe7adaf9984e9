import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import type { HttpFailure, ProviderSettings } from '../../shared/executor';
import { roomLinks, type Participant } from './links';

export const SERVICE = 'Visioconference.me';

function explain(code: number | undefined, message: string | undefined): string {
	if (code === 401 || code === 403) return `the API key was rejected${message ? ` (${message})` : ''}; check the credential's API key`;
	if (code === 400 || code === 422) return `the request was refused${message ? `: ${message}` : ''}`;
	if (code === 429) return 'too many requests; lower "Max Concurrent Requests" or try again later';
	if (code !== undefined && code >= 500) return `the service failed${message ? `: ${message}` : ` (HTTP ${code})`}`;
	return message || 'the request failed';
}

export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => 'visioconferenceApi',
	secretFields: ['apiKey'],
	defaultConcurrency: 5,
	describeHttpError(failure: HttpFailure) {
		const body = (failure.body && typeof failure.body === 'object' ? failure.body : {}) as IDataObject;
		const code = Number(body.code ?? failure.status);
		const message = typeof body.message === 'string' && body.message ? body.message : undefined;
		return {
			code: String(Number.isFinite(code) ? code : failure.status),
			message: explain(Number.isFinite(code) ? code : failure.status, message),
			description: typeof failure.body === 'string' ? 'The service answered with a page instead of JSON' : undefined,
		};
	},
};

/** preSend of Room → Create: the name is trimmed and may not be empty. */
export async function checkRoomName(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('name');
	const name = typeof raw === 'string' ? raw.trim() : '';
	if (!name) {
		throw new NodeOperationError(this.getNode(), `"Room Name" is empty (item ${this.getItemIndex()})`, {
			itemIndex: this.getItemIndex(),
			description: 'Give the room a name, e.g. "Weekly sync"',
		});
	}
	if (name.length > 255) {
		throw new NodeOperationError(this.getNode(), `"Room Name" is longer than 255 characters (item ${this.getItemIndex()})`, {
			itemIndex: this.getItemIndex(),
		});
	}
	(request.body as IDataObject).name = name;
	return request;
}

/**
 * postReceive of Room → Create: the body carries its own `code`; anything but a room is a failure
 * even with HTTP 2xx. Output: the room and ready links (or the whole answer when asked).
 */
export async function roomOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject | string | undefined;
	const data = typeof body === 'object' && body !== null ? (body.data as IDataObject | undefined) : undefined;
	const code = typeof body === 'object' && body !== null ? Number(body.code) : NaN;
	if (!data || typeof data.url !== 'string' || (Number.isFinite(code) && code >= 400)) {
		const message = typeof body === 'object' && body !== null && typeof body.message === 'string' ? body.message : '';
		throw new NodeApiError(this.getNode(), { message, code: Number.isFinite(code) ? code : null } as JsonObject, {
			message: `${SERVICE} error ${Number.isFinite(code) ? code : response.statusCode}: ${
				typeof body === 'object' ? explain(Number.isFinite(code) ? code : undefined, message) : 'the answer was not JSON'
			}`,
			description: 'The service did not return a room',
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const participants = (((options.participants as IDataObject | undefined)?.participant ?? []) as Participant[]).filter(
		(p) => typeof p.name === 'string' && p.name.trim() !== '',
	);
	const links = roomLinks(data, participants.map((p) => ({ ...p, name: p.name.trim() })));
	const json = options.fullResponse ? { ...(body as IDataObject), ...links } : { ...data, ...links };
	return [{ json }];
}
