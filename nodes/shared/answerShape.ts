import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

/**
 * What an answer the code does not recognise looked like, for the error that reports it: the HTTP
 * status, the content type and the top-level keys (or the kind of value) — never the values, which
 * may hold tokens or personal data.
 */
export function describeAnswer(response: { statusCode?: number; headers?: IDataObject; body?: unknown }): string {
	const headers = response.headers ?? {};
	const typeHeader = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
	const contentType = typeof typeHeader === 'string' && typeHeader ? typeHeader.split(';')[0].trim() : 'no content type';
	let body = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string' && /^\s*[[{"]/.test(body)) {
		try {
			body = JSON.parse(body);
		} catch {
			// shown as text below
		}
	}
	return `HTTP ${response.statusCode ?? '?'}, ${contentType}, ${bodyShape(body)}`;
}

/** The shape of a whole body: no body and empty text are "an empty body" (a JSON null is named as such). */
export function bodyShape(body: unknown): string {
	return body === undefined || body === '' ? 'an empty body' : shapeOf(body);
}

/** The shape of a value of an answer (the whole body, or a part of it), never its content. */
export function shapeOf(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'JSON null';
	if (Array.isArray(value)) return `a JSON array of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		if (keys.length === 0) return 'an empty JSON object';
		const listed = keys
			.slice(0, 10)
			.map((k) => `"${k.length > 40 ? `${k.slice(0, 40)}…` : k}"`)
			.join(', ');
		return `a JSON object with the key${keys.length === 1 ? '' : 's'} ${listed}${keys.length > 10 ? ` and ${keys.length - 10} more` : ''}`;
	}
	if (typeof value === 'string') {
		if (value === '') return 'empty text';
		if (/^\s*</.test(value)) return 'a web page';
		return /^\s*[[{]/.test(value) ? `broken JSON of ${value.length} characters` : `text of ${value.length} characters`;
	}
	return `a JSON ${typeof value}`;
}

/**
 * The error for an answer whose shape the code does not recognise: never an empty success.
 * `expected` says what the node reads (and where that reading comes from); `caution` is added when
 * the request may have done something anyway (e.g. "the message may have been sent").
 */
export function unrecognisedAnswer(
	node: INode,
	service: string,
	response: { statusCode?: number; headers?: IDataObject; body?: unknown },
	itemIndex: number,
	details: { call: string; expected: string; caution?: string },
): NodeApiError {
	const arrived = describeAnswer(response);
	return new NodeApiError(node, { message: `unrecognised answer to ${details.call}` } as JsonObject, {
		message: `${service} error ${response.statusCode ?? '?'}: the answer to ${details.call} is not in the expected shape (${arrived})`,
		description: `Expected ${details.expected}.${details.caution ? ` ${details.caution}` : ''} If your server answers in another shape, please report the shape named above.`,
		httpCode: String(response.statusCode ?? ''),
		itemIndex,
	});
}
