import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { sendWithRetry, type RunContext } from '../../shared/executor';
import { inputError, show } from '../../shared/errors';
import { meetingPathSegment } from './validation';

const MIME_BY_TYPE: Record<string, string> = {
	MP4: 'video/mp4',
	M4A: 'audio/mp4',
	TRANSCRIPT: 'text/vtt',
	VTT: 'text/vtt',
	CC: 'text/vtt',
	CHAT: 'text/plain',
	TXT: 'text/plain',
	CSV: 'text/csv',
	JSON: 'application/json',
	SUMMARY: 'application/json',
};

/** The access token goes with the download: only to the Zoom host of the credential's environment. */
export function checkDownloadHost(url: string, apiBaseUrl: string, environment: unknown): URL | undefined {
	let target: URL;
	let api: URL;
	try {
		target = new URL(url);
		api = new URL(apiBaseUrl);
	} catch {
		return undefined;
	}
	if (environment === 'custom') {
		return target.protocol === api.protocol && target.host === api.host ? target : undefined;
	}
	const domain = environment === 'zoomGov' ? 'zoomgov.com' : 'zoom.us';
	const host = target.hostname.toLowerCase();
	return target.protocol === 'https:' && (host === domain || host.endsWith(`.${domain}`)) ? target : undefined;
}

function fileNameFrom(disposition: unknown): string | undefined {
	if (typeof disposition !== 'string') return undefined;
	const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (star) {
		try {
			return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
	return plain ? plain[1].trim() : undefined;
}

/** Cloud Recording → Download: one recording file as binary data, streamed. */
export async function downloadRecording(this: IExecuteFunctions, itemIndex: number, run: RunContext): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials(run.credentialType, itemIndex);
	const apiBaseUrl = String(credentials.apiBaseUrl ?? '').replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]/.test(apiBaseUrl)) {
		throw new NodeOperationError(this.getNode(), 'The credential’s API base URL is not a URL; check its environment and custom URLs', { itemIndex });
	}
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!binaryPropertyName) throw inputError(this, '"Put Output File in Field" is empty', itemIndex);

	const source = this.getNodeParameter('source', itemIndex) as string;
	let file: IDataObject | undefined;
	let downloadUrl: string;
	if (source === 'file') {
		const segment = meetingPathSegment(this.getNodeParameter('meetingId', itemIndex, undefined, { extractValue: true }), 'Meeting ID or UUID', this, itemIndex);
		const fileId = String(this.getNodeParameter('fileId', itemIndex, '')).trim();
		if (!fileId) throw inputError(this, '"Recording File ID" is empty', itemIndex);
		const response = await sendWithRetry(run, { method: 'GET', url: `${apiBaseUrl}/meetings/${segment}/recordings`, json: true }, itemIndex);
		const files = (((response.body ?? {}) as IDataObject).recording_files ?? []) as IDataObject[];
		file = files.find((f) => f.id === fileId);
		if (!file) {
			const known = files.map((f) => `${String(f.id)} (${String(f.file_type)})`).slice(0, 10);
			throw inputError(
				this,
				`"Recording File ID" ${show(fileId)} is not among the meeting’s recording files`,
				itemIndex,
				known.length ? `Files of this meeting: ${known.join(', ')}` : 'The meeting has no recording files',
			);
		}
		downloadUrl = String(file.download_url ?? '');
	} else {
		downloadUrl = String(this.getNodeParameter('downloadUrl', itemIndex, '')).trim();
	}
	const target = checkDownloadHost(downloadUrl, apiBaseUrl, credentials.environment);
	if (!target) {
		throw inputError(
			this,
			`"Download URL" must be an address on the credential’s Zoom host, got ${show(downloadUrl.split('?')[0])}`,
			itemIndex,
			'The access token is sent with the download, so only Zoom’s own hosts are accepted',
		);
	}

	// the token goes only to the checked Zoom host: a redirect to another origin is followed without it
	const response = await sendWithRetry(run, { method: 'GET', url: target.toString(), headers: {} }, itemIndex, { download: true });
	const headers = (response.headers ?? {}) as IDataObject;
	const fileType = String(file?.file_type ?? '').toUpperCase();
	const extension = String(file?.file_extension ?? (fileType || 'bin')).toLowerCase();
	const headerType = typeof headers['content-type'] === 'string' ? headers['content-type'].split(';')[0].trim() : '';
	const mimeType =
		MIME_BY_TYPE[fileType] ?? (headerType && headerType !== 'application/octet-stream' ? headerType : 'application/octet-stream');
	const lastSegment = decodeURIComponent(target.pathname.split('/').filter(Boolean).pop() ?? 'recording');
	const fileName =
		fileNameFrom(headers['content-disposition']) ??
		(file ? `zoom-${String(file.recording_type ?? 'recording')}-${String(file.id)}.${extension}` : `zoom-recording-${lastSegment}`);
	const binary = await this.helpers.prepareBinaryData(response.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0], fileName, mimeType);
	return [
		{
			json: {
				fileName,
				mimeType,
				...(file
					? {
							meetingUuid: file.meeting_id,
							fileId: file.id,
							fileType: file.file_type,
							fileSize: file.file_size,
							recordingType: file.recording_type,
							recordingStart: file.recording_start,
							recordingEnd: file.recording_end,
						}
					: {}),
			},
			binary: { [binaryPropertyName]: binary },
		},
	];
}
