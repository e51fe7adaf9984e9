import {
	NodeApiError,
	NodeOperationError,
	type IBinaryData,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { duration, readHttpFailure, timedOut } from '../../shared/http';
import { SERVICE, unwrapEnvelope } from './errors';
import { checkedList } from './output';
import { httpUrl } from './validation';

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 600_000;

/** Host and path of a signed link, for error messages: the query (the signature) is left out. */
function where(url: URL): string {
	return `${url.host}${url.pathname}`;
}

function fileNameOf(url: URL, recordId: unknown): string {
	const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
	let name: string;
	try {
		name = decodeURIComponent(last);
	} catch {
		// a malformed %-escape: the name as it is in the link
		name = last;
	}
	return name || `${typeof recordId === 'string' && recordId ? recordId : 'recording'}.mp4`;
}

/**
 * Downloads one recording file from its `downUrl`, a signed link on the storage host. The request
 * goes out with n8n's plain `httpRequest`: no credential and no `auth` header (the key must never
 * reach a third-party host). The body is streamed into n8n's binary data.
 */
export async function downloadRecordingFile(
	this: IExecuteSingleFunctions,
	downUrl: string,
	recordId: unknown,
	timeout: number,
): Promise<IBinaryData> {
	const url = httpUrl(downUrl);
	if (!url) {
		// the executor gives the error its item
		throw new NodeOperationError(this.getNode(), `${SERVICE}: the recording ${String(recordId)} has no valid download link`);
	}
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url: url.toString(),
			encoding: 'stream',
			returnFullResponse: true,
			json: false,
			timeout,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const failure = await readHttpFailure(error);
		const reason =
			failure.status !== undefined
				? `HTTP ${failure.status}${failure.status === 403 ? ' (the signed link may have expired: get the files again)' : ''}`
				: timedOut(failure)
					? `no answer within ${duration(timeout)}`
					: 'the connection failed';
		// no code in the response object: NodeApiError would swap the message for its generic text of a network code
		throw new NodeApiError(this.getNode(), { message: reason } as JsonObject, {
			message: `${SERVICE}: downloading recording file ${String(recordId)} from ${where(url)} failed: ${reason}`,
			httpCode: failure.status !== undefined ? String(failure.status) : undefined,
			itemIndex: this.getItemIndex(),
		});
	}
	const contentType = String((response.headers ?? {})['content-type'] ?? '').split(';')[0].trim();
	const mimeType = contentType && contentType !== 'application/octet-stream' ? contentType : undefined;
	return await this.helpers.prepareBinaryData(
		response.body as Parameters<typeof this.helpers.prepareBinaryData>[0],
		fileNameOf(url, recordId),
		mimeType,
	);
}

/**
 * postReceive of Recording → Get Files: one item per file; with "Download Files" on, each item also
 * carries the file as binary data.
 */
export async function recordingFilesOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const files = checkedList(this, response, unwrapEnvelope(this, response), ['recordId']);
	const download = this.getNodeParameter('download', false) as boolean;
	if (!download) return files.map((json) => ({ json }));
	// their types were checked before the request (checkOrigin)
	const options = this.getNodeParameter('options', {}) as { binaryPropertyName?: string; downloadTimeout?: number };
	const property = (options.binaryPropertyName ?? '').trim() || 'data';
	const timeout = options.downloadTimeout ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
	const out: INodeExecutionData[] = [];
	for (const file of files) {
		if (typeof file.downUrl !== 'string' || !file.downUrl) {
			out.push({ json: file });
			continue;
		}
		const binary = await downloadRecordingFile.call(this, file.downUrl, file.recordId, timeout);
		out.push({ json: file, binary: { [property]: binary } });
	}
	return out;
}
