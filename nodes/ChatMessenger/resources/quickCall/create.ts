import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { camForm } from '../../shared/methods';
import { toUnixMs } from '../../shared/time';
import { readAnswer, SERVICE } from '../../shared/transport';

const showForCreate = { resource: ['quickCall'], operation: ['create'] };

export const quickCallCreateDescription: INodeProperties[] = [
	{
		displayName: 'Expires',
		name: 'expiresMode',
		type: 'options',
		default: 'duration',
		options: [
			{ name: 'After a Duration', value: 'duration', description: 'A number of minutes from now' },
			{ name: 'At a Date and Time', value: 'dateTime', description: 'A fixed date and time' },
		],
		displayOptions: { show: showForCreate },
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'How many minutes from now the quick call stays open',
		displayOptions: { show: { ...showForCreate, expiresMode: ['duration'] } },
	},
	{
		displayName: 'Expires At',
		name: 'expiresAt',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-12-01T18:00:00',
		description: 'When the quick call URL stops working; a time without an offset is read in the workflow’s time zone',
		displayOptions: { show: { ...showForCreate, expiresMode: ['dateTime'] } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password of the quick call; leave empty for a call without password',
		displayOptions: { show: showForCreate },
	},
];

/** The expiry as unix milliseconds, checked to be in the future. */
export function quickCallExpiry(ctx: IExecuteSingleFunctions, now = Date.now()): number {
	const itemIndex = ctx.getItemIndex();
	const mode = ctx.getNodeParameter('expiresMode') as string;
	if (mode === 'duration') {
		const raw = ctx.getNodeParameter('durationMinutes', 60);
		const minutes = Number(raw);
		if (!Number.isFinite(minutes) || minutes <= 0) {
			throw new NodeOperationError(ctx.getNode(), `"Duration (Minutes)" must be a positive number, got ${String(raw)} (item ${itemIndex})`, { itemIndex });
		}
		return now + Math.round(minutes * 60_000);
	}
	const raw = ctx.getNodeParameter('expiresAt', '');
	const ms = toUnixMs(raw, ctx.getTimezone());
	if (ms === undefined) {
		throw new NodeOperationError(ctx.getNode(), `"Expires At" must be a date and time, got "${String(raw).slice(0, 100)}" (item ${itemIndex})`, {
			itemIndex,
			description: 'e.g. 2026-12-01T18:00:00, 2026-12-01T18:00:00+09:00 or {{ $now.plus({ hours: 2 }) }}',
		});
	}
	if (ms <= now) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Expires At" is in the past: ${new Date(ms).toISOString()} (item ${itemIndex})`,
			{ itemIndex, description: 'A quick call must expire in the future' },
		);
	}
	return ms;
}

/** What preSend sent, for the output of the same item (keyed by the item's context). */
const sent = new WeakMap<object, { expiry: number; passwordProtected: boolean }>();

/** preSend of Quick Call → Create: `message={"expiry": <unix ms>, "password": "…"}` (unverified mapping). */
export async function quickCallForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const expiry = quickCallExpiry(this);
	const password = String(this.getNodeParameter('password', '') ?? '');
	request.body = camForm('createQuickCall', { expiry, password });
	sent.set(this, { expiry, passwordProtected: password !== '' });
	return request;
}

const URL_KEYS = ['url', 'quickCallURL', 'quickCallUrl', 'meetingURL', 'meetingUrl', 'callURL', 'callUrl', 'URL'];

/** The meeting URL in an answer: a known key, else the first http(s) text anywhere in it. */
export function findUrl(answer: unknown): string | undefined {
	if (typeof answer === 'string') return /^https?:\/\//i.test(answer.trim()) ? answer.trim() : undefined;
	if (!answer || typeof answer !== 'object') return undefined;
	const object = answer as IDataObject;
	for (const key of URL_KEYS) {
		if (typeof object[key] === 'string' && /^https?:\/\//i.test(object[key] as string)) return object[key] as string;
	}
	for (const value of Object.values(object)) {
		const found = findUrl(value);
		if (found) return found;
	}
	return undefined;
}

/** postReceive of Quick Call → Create: the meeting URL, its expiry, and the answer. */
export async function quickCallOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = readAnswer(this.getNode(), response, this.getItemIndex());
	const url = findUrl(answer);
	if (!url) {
		throw new NodeApiError(this.getNode(), answer as JsonObject, {
			message: `${SERVICE}: the answer to createQuickCall holds no meeting URL`,
			description: `The server answered: ${JSON.stringify(answer).slice(0, 300)}`,
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	const request = sent.get(this);
	return [
		{
			json: {
				url,
				...(request
					? { expiresAt: new Date(request.expiry).toISOString(), expiry: request.expiry, passwordProtected: request.passwordProtected }
					: {}),
				...answer,
			},
		},
	];
}
