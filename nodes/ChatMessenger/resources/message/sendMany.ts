import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { collectResults, itemError, parameterReader, runPool, type Outcome, sendWithRetry, startRun, type RunContext } from '../../../shared/executor';
import { CAM_METHODS, camForm, FORM_CONTENT_TYPE } from '../../shared/methods';
import { readAnswer } from '../../shared/errors';
import { settings } from '../../shared/transport';
import { checkRecipients, checkRoomName, checkText } from '../../shared/validation';

export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 1000;
export const DEFAULT_BATCHES_IN_FLIGHT = 2;
export const MAX_BATCHES_IN_FLIGHT = 10;

export const messageSendManyDescription: INodeProperties[] = [
	{
		displayName:
			'Every input item becomes one message; many items go out in one sendMessages request. The API does not confirm messages one by one: an answer without errors counts as every message of that request accepted, and a refused request fails all of its items.',
		name: 'sendManyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['message'], operation: ['sendMany'] } },
	},
	{
		displayName: 'Batching',
		name: 'batching',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: ['sendMany'] } },
		options: [
			{
				displayName: 'Messages per Request',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: DEFAULT_BATCH_SIZE,
				description: `How many input items go into one sendMessages request (1 to ${MAX_BATCH_SIZE})`,
			},
			{
				displayName: 'Requests in Flight',
				name: 'batchesInFlight',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCHES_IN_FLIGHT },
				default: DEFAULT_BATCHES_IN_FLIGHT,
				description: `How many sendMessages requests may run at once (1 to ${MAX_BATCHES_IN_FLIGHT}); Send Many uses this instead of Max Concurrent Requests`,
			},
		],
	},
];

interface Entry {
	index: number;
	/** the element of the `messages` array */
	message: IDataObject;
	/** what the item's output says about it */
	summary: IDataObject;
}

function wholeNumber(ctx: IExecuteFunctions, field: string, raw: unknown, fallback: number, max: number): number {
	const value = raw === undefined || raw === null || raw === '' ? fallback : Number(raw);
	if (!Number.isInteger(value) || value < 1 || value > max) {
		throw new NodeOperationError(ctx.getNode(), `"${field}" must be a whole number from 1 to ${max}, got ${String(raw)}`);
	}
	return value;
}

/** Reads and checks one item's message; throws a NodeOperationError naming the field and the item. */
function readEntry(run: RunContext, index: number): Entry {
	const node = run.ctx.getNode();
	const read = parameterReader(run, index);
	const sendTo = read('sendTo', 'messenger') as string;
	const text = checkText(node, read('text', ''), index);
	if (sendTo === 'chatRoom') {
		const roomName = checkRoomName(node, read('roomName', ''), index);
		return { index, message: { send: roomName, message: text }, summary: { sendTo, roomName } };
	}
	const users = checkRecipients(node, read('recipients', ''), true, index);
	return { index, message: { message: text, property: { users: users.join(',') } }, summary: { sendTo, users } };
}

function itemRange(batch: Entry[]): string {
	const first = batch[0].index;
	const last = batch[batch.length - 1].index;
	const contiguous = last - first + 1 === batch.length;
	if (batch.length === 1) return `item ${first}`;
	return contiguous ? `items ${first}–${last}` : `items ${batch.map((e) => e.index).join(', ')}`;
}

/**
 * What a failed request means for its messages: refused (an HTTP error), not sent (the connection
 * was never made), or possibly sent (the server answered 2xx in a shape that could not be read, or
 * no answer came: a dropped connection, a timeout).
 */
function batchOutcome(error: unknown, count: number): string {
	const { httpCode, message } = (error ?? {}) as { httpCode?: string | null; message?: unknown };
	if (/^2\d\d$/.test(String(httpCode))) {
		return `The server answered this request in a shape that could not be read: its ${count} messages may have been sent; check before running them again.`;
	}
	if (httpCode) return `None of the ${count} messages of this request were accepted.`;
	return /nothing was sent/.test(String(message))
		? `None of the ${count} messages of this request were sent.`
		: `No answer came for this request: its ${count} messages may have been sent; check before running them again.`;
}

/** The error of a failed batch, for one of its items (each item gets its own error object). */
function batchError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, label: string, description: string): NodeApiError | NodeOperationError {
	const original = error as NodeApiError;
	// the batch's label names its items, not the first item the request was sent for
	const message = `${String(original?.message ?? error).replace(/ \(item \d+\)$/, '')} [${label}]`;
	const details = [description, original?.description].filter(Boolean).join(' ');
	if (error instanceof NodeApiError) {
		const kept = (error as { errorResponse?: unknown }).errorResponse;
		const response = kept && typeof kept === 'object' && !(kept instanceof Error) ? (kept as JsonObject) : ({ message: original.message } as JsonObject);
		return new NodeApiError(ctx.getNode(), response, {
			message,
			description: details,
			httpCode: original.httpCode ?? undefined,
			itemIndex,
		});
	}
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description: details });
}

/**
 * Message → Send Many: every input item becomes one element of a `sendMessages` request
 * (`messages=<JSON array>`), `batchSize` items per request, `batchesInFlight` requests at once.
 * Items are checked first (an empty text or no recipients fails that item before any request).
 * An answer without `errors` means every message of that request was accepted: the API does not
 * confirm messages one by one. A failed request fails all of its items; the other requests still
 * go out when "Continue On Fail" is on.
 */
export async function sendMany(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const batching = this.getNodeParameter('batching', 0, {}) as IDataObject;
	const batchSize = wholeNumber(this, 'Messages per Request', batching.batchSize, DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE);
	const inFlight = wholeNumber(this, 'Requests in Flight', batching.batchesInFlight, DEFAULT_BATCHES_IN_FLIGHT, MAX_BATCHES_IN_FLIGHT);
	const run = await startRun(this, settings);
	const credentials = run.credentials ?? {};
	const continueOnFail = this.continueOnFail();

	const results: Array<Outcome<INodeExecutionData[]> | undefined> = new Array(items.length);
	const entries: Entry[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			entries.push(readEntry(run, i));
		} catch (error) {
			if (!continueOnFail) throw itemError(run, error, i);
			results[i] = { ok: false, error };
		}
	}

	const batches: Entry[][] = [];
	for (let start = 0; start < entries.length; start += batchSize) batches.push(entries.slice(start, start + batchSize));
	const baseURL = String(credentials.serverUrl ?? '').trim().replace(/\/+$/, '');
	const node = this.getNode();

	const outcome = await runPool(
		batches.length,
		inFlight,
		async (k) => {
			const batch = batches[k];
			const response = await sendWithRetry(
				run,
				{
					method: CAM_METHODS.sendMessages.httpMethod,
					baseURL,
					url: CAM_METHODS.sendMessages.path,
					headers: { 'Content-Type': FORM_CONTENT_TYPE, Accept: 'application/json' },
					body: camForm(
						'sendMessages',
						batch.map((e) => e.message),
					),
					json: true,
				},
				batch[0].index,
			);
			return readAnswer(node, response, batch[0].index, 'sendMessages');
		},
		!continueOnFail,
	);

	const sentBatches = outcome.filter((r) => r?.ok).length;
	for (let k = 0; k < batches.length; k++) {
		const batch = batches[k];
		const result = outcome[k];
		if (!result) continue; // not started: an earlier request failed and the node stops
		const label = `request ${k + 1} of ${batches.length}, ${itemRange(batch)}`;
		if (result.ok) {
			batch.forEach((entry, position) => {
				results[entry.index] = {
					ok: true,
					value: [{ json: { sent: true, batch: k + 1, batchSize: batch.length, position: position + 1, ...entry.summary } }],
				};
			});
			continue;
		}
		if (!continueOnFail) {
			throw itemError(
				run,
				batchError(
					this,
					result.error,
					batch[0].index,
					label,
					`${batchOutcome(result.error, batch.length)} ${sentBatches} of ${batches.length} requests were accepted before the node stopped.`,
				),
				batch[0].index,
			);
		}
		for (const entry of batch) {
			results[entry.index] = {
				ok: false,
				error: batchError(this, result.error, entry.index, label, batchOutcome(result.error, batch.length)),
			};
		}
	}
	return await collectResults(run, results);
}
