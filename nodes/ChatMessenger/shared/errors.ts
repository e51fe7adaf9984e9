import { NodeApiError, type IDataObject, type IN8nHttpFullResponse, type INode, type JsonObject } from 'n8n-workflow';

import { describeAnswer, unrecognisedAnswer } from '../../shared/answerShape';
import type { HttpFailure } from '../../shared/http';
import { CAM_METHODS, type CamMethod, type CamMethodName } from './methods';

export const SERVICE = 'Chat&Messenger';

/** What an `errors` value says, whatever its shape (text, list of texts, list of objects, map). */
export function describeErrors(errors: unknown): { code: string; original: string } {
	const texts: string[] = [];
	let code: string | undefined;
	const visit = (value: unknown, key?: string) => {
		if (value === null || value === undefined || value === '') return;
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
			texts.push(key ? `${key}: ${String(value)}` : String(value));
			return;
		}
		if (Array.isArray(value)) {
			for (const entry of value) visit(entry);
			return;
		}
		const object = value as IDataObject;
		const message = object.message ?? object.msg ?? object.error ?? object.description;
		const ownCode = object.code ?? object.errorCode;
		if (ownCode !== undefined && code === undefined) code = String(ownCode);
		if (message !== undefined) {
			texts.push(`${ownCode !== undefined ? `${String(ownCode)}: ` : ''}${typeof message === 'string' ? message : JSON.stringify(message)}`);
			return;
		}
		for (const [k, v] of Object.entries(object)) visit(v, k);
	};
	visit(errors);
	// nothing readable (an empty object, a list of nulls): the value itself
	const original = texts.join('; ') || JSON.stringify(errors);
	return { code: code ?? 'errors', original: original.length > 500 ? `${original.slice(0, 500)}…` : original };
}

/** An English explanation in front of the service's own words. */
export function explain(status: number | undefined, original: string): string {
	if (status === 401 || status === 403 || /api\s*token|unauthori[sz]ed/i.test(original)) {
		return 'the API token was rejected or lacks the permission (API access needs an Enterprise or higher cloud plan, or an on-premises install); check the credential';
	}
	if (status === 404) return 'the server does not know this API method (check the Server URL, and for on-premises installs the port, usually 8080)';
	if (status === 429) return 'too many requests; lower "Max Concurrent Requests" or try again later';
	if (status !== undefined && status >= 500) return 'the server failed';
	return 'the server refused the request';
}

/** Whether a parsed answer carries a non-empty `errors`. */
export function hasErrors(body: unknown): body is { errors: unknown } {
	// text, numbers and lists have no `errors`
	const errors = (body as IDataObject | null | undefined)?.errors;
	if (errors === undefined || errors === null || errors === false || errors === '') return false;
	// a list or object: not empty
	if (typeof errors === 'object') return Object.keys(errors).length > 0;
	return true;
}

/** The error mapper of a failed HTTP exchange. */
export function describeHttpError(failure: HttpFailure) {
	if (hasErrors(failure.body)) {
		const { code, original } = describeErrors(failure.body.errors);
		return { code: code === 'errors' ? String(failure.status) : code, message: `${explain(failure.status, original)}: ${original}` };
	}
	const text = typeof failure.body === 'string' ? failure.body : undefined;
	return {
		code: String(failure.status),
		message: explain(failure.status, ''),
		description: text && /^\s*</.test(text) ? 'The server answered with a web page instead of JSON (a proxy or a wrong Server URL?)' : undefined,
	};
}

/** The NodeApiError for an answer whose `errors` says the call failed (also with HTTP 200). */
export function errorsAnswerError(node: INode, body: { errors: unknown }, status: number, itemIndex: number): NodeApiError {
	const described = describeErrors(body.errors);
	const { original } = described;
	const code = described.code === 'errors' ? String(status) : described.code;
	return new NodeApiError(node, { message: original, code } as JsonObject, {
		message: `${SERVICE} error ${code}: ${explain(status, original)}: ${original}`,
		description: `The server answered: ${original}`,
		httpCode: String(status),
		itemIndex,
	});
}

function notJson(node: INode, response: IN8nHttpFullResponse, itemIndex: number, call: CamMethodName, what: string, text?: string): NodeApiError {
	const caution = response.statusCode >= 200 && response.statusCode < 300 ? MAY_HAVE_DONE[call] : undefined;
	return new NodeApiError(node, { message: what } as JsonObject, {
		message: `${SERVICE} error ${response.statusCode}: ${what}`,
		description: `It arrived as ${describeAnswer(response)}.${
			text ? ` The server answered: ${text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300)}` : ''
		}${caution ? ` ${caution}` : ''}`,
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/** What a request may have done although its answer could not be read. */
const MAY_HAVE_DONE: Partial<Record<CamMethodName, string>> = {
	sendMessage: 'The message may have been sent: check before running the item again.',
	sendMessages: 'The messages may have been sent: check before running the items again.',
	createQuickCall: 'A quick call may have been created.',
	updateChatRoom: 'The chat room may have been created or changed: check before running the item again.',
};

/**
 * Reads an answer of `call`. The API answers JSON objects (the vendor's client reads
 * `response['errors']`): `errors` (even with HTTP 200) is a failure, and so is an answer that is not
 * a JSON object (an empty answer, broken JSON, a web page from a proxy, a bare list or text).
 */
export function readAnswer(node: INode, response: IN8nHttpFullResponse, itemIndex: number, call: CamMethodName): IDataObject {
	let body = response.body as unknown;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') throw notJson(node, response, itemIndex, call, 'the server sent an empty answer instead of JSON');
		try {
			body = JSON.parse(text);
		} catch {
			throw notJson(
				node,
				response,
				itemIndex,
				call,
				text.startsWith('<')
					? 'the server answered with a web page instead of JSON (a proxy or a wrong Server URL?)'
					: 'the server sent an answer that is not valid JSON',
				text,
			);
		}
	}
	if (body === null || body === undefined) throw notJson(node, response, itemIndex, call, 'the server sent an empty answer instead of JSON');
	if (hasErrors(body)) throw errorsAnswerError(node, body, response.statusCode, itemIndex);
	if (typeof body !== 'object' || Array.isArray(body)) {
		throw unrecognisedAnswer(node, SERVICE, { ...response, body }, itemIndex, {
			call,
			expected: 'a JSON object (the vendor’s client reads its "errors")',
			caution: MAY_HAVE_DONE[call],
		});
	}
	return body as IDataObject;
}

/**
 * The result of `call`, read where `CAM_METHODS[call].answer` says (the one place that names each
 * answer's key), checked to be what it must be: a list, an object, an http(s) URL.
 */
export function resultOf(node: INode, response: IN8nHttpFullResponse, itemIndex: number, call: CamMethodName): unknown {
	const answer = readAnswer(node, response, itemIndex, call);
	const spec = (CAM_METHODS[call] as CamMethod).answer;
	if (!spec) return answer;
	// no text, number or list has a property named like a result key
	const value = spec.path.reduce<unknown>((o, key) => (o as IDataObject | null | undefined)?.[key], answer);
	const fits =
		spec.kind === 'list'
			? Array.isArray(value) && value.every((entry) => entry && typeof entry === 'object' && !Array.isArray(entry))
			: spec.kind === 'object'
				? value !== null && typeof value === 'object' && !Array.isArray(value)
				: typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim());
	if (!fits) {
		const what = { list: 'a list of objects', object: 'an object', url: 'an http(s) URL' }[spec.kind];
		throw unrecognisedAnswer(node, SERVICE, { ...response, body: answer }, itemIndex, {
			call,
			expected: `"${spec.path.join('.')}" holding ${what} (${spec.source})`,
			caution: MAY_HAVE_DONE[call],
		});
	}
	return typeof value === 'string' ? value.trim() : value;
}
