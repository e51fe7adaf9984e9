import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { sendWithRetry, type RunContext } from '../../shared/executor';
import { inputError, show } from '../../shared/errors';
import { textInput } from '../../shared/textInput';
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

/** Zoom's own hosts for each environment (HTTPS only): recordings are served from the domain and its subdomains (e.g. us06web.zoom.us). */
const ZOOM_DOMAINS: Record<string, string[]> = {
	zoom: ['zoom.us'],
	zoomGov: ['zoomgov.com'],
	// a proxy or a test server may stand in front of either
	custom: ['zoom.us', 'zoomgov.com'],
};

/**
 * The access token goes with a download, so a download URL must be on one of Zoom's own hosts of
 * the credential's environment or, with the Custom environment, on a host the credential names (its
 * API base URL, OAuth base URL or Download Base URLs): same scheme, host and port. Returns the
 * checked URL, or undefined.
 */
export function checkDownloadHost(url: string, credentials: IDataObject): URL | undefined {
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		return undefined;
	}
	const environment = String(credentials.environment ?? 'zoom');
	const host = target.hostname.toLowerCase();
	const domains = ZOOM_DOMAINS[environment] ?? ZOOM_DOMAINS.zoom;
	if (target.protocol === 'https:' && domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) return target;
	if (environment !== 'custom') return undefined;
	return configuredOrigins(credentials).includes(target.origin) ? target : undefined;
}

/** The origins a Custom credential names: its API and OAuth base URLs and its Download Base URLs. */
function configuredOrigins(credentials: IDataObject): string[] {
	const urls = [credentials.customApiBaseUrl, credentials.customOAuthBaseUrl, ...String(credentials.customDownloadBaseUrls ?? '').split(',')];
	const origins: string[] = [];
	for (const raw of urls) {
		const text = String(raw ?? '').trim();
		if (!text) continue;
		try {
			const { origin, protocol } = new URL(text);
			if (protocol === 'https:' || protocol === 'http:') origins.push(origin);
		} catch {
			// not a URL: names no host
		}
	}
	return origins;
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
	const text = (name: string, label: string, fallback = '', required = false): string =>
		textInput(this, this.getNodeParameter(name, itemIndex, fallback), label, itemIndex, { required });
	const binaryPropertyName = text('binaryPropertyName', 'Put Output File in Field', 'data', true);

	const source = this.getNodeParameter('source', itemIndex) as string;
	let file: IDataObject | undefined;
	let downloadUrl: string;
	if (source === 'file') {
		const segment = meetingPathSegment(this.getNodeParameter('meetingId', itemIndex, undefined, { extractValue: true }), 'Meeting ID or UUID', this, itemIndex);
		const fileId = text('fileId', 'Recording File ID');
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
		downloadUrl = text('downloadUrl', 'Download URL');
	}
	const target = checkDownloadHost(downloadUrl, credentials);
	if (!target) {
		const allowed = credentials.environment === 'custom' ? 'zoom.us, zoomgov.com (HTTPS) or a host the credential names (API, OAuth or Download Base URLs)' : credentials.environment === 'zoomGov' ? 'zoomgov.com (HTTPS)' : 'zoom.us (HTTPS)';
		throw inputError(
			this,
			`"Download URL" must be an address on Zoom’s hosts for the credential (${allowed}), got ${show(downloadUrl.split('?')[0])}`,
			itemIndex,
			'The access token is sent with the download, so no other host is accepted',
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
