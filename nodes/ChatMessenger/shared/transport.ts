import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import type { HttpFailure, ProviderSettings } from '../../shared/executor';
import { CAM_METHODS } from './methods';

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
	const original = texts.join('; ') || (typeof errors === 'object' ? JSON.stringify(errors) : String(errors));
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
	if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
	const errors = (body as IDataObject).errors;
	if (errors === undefined || errors === null || errors === false || errors === '') return false;
	if (Array.isArray(errors)) return errors.length > 0;
	if (typeof errors === 'object') return Object.keys(errors).length > 0;
	return true;
}

const READ_ONLY_PATHS = [CAM_METHODS.getConferenceRooms, CAM_METHODS.getConferenceMaster, CAM_METHODS.getConferenceRoomStatus].map((m) => m.path);

export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => 'chatMessengerApi',
	secretFields: ['apiToken'],
	defaultConcurrency: 5,
	// every method is a POST; only these read
	readOnly: (options) => READ_ONLY_PATHS.some((path) => String(options.url ?? '').endsWith(path)),
	describeHttpError(failure: HttpFailure) {
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
	},
};

/** The NodeApiError for an answer whose `errors` says the call failed (also with HTTP 200). */
export function errorsAnswerError(node: INode, body: { errors: unknown }, status: number, itemIndex: number, context?: string): NodeApiError {
	const described = describeErrors(body.errors);
	const { original } = described;
	const code = described.code === 'errors' ? String(status) : described.code;
	return new NodeApiError(node, { message: original, code } as JsonObject, {
		message: `${SERVICE} error ${code}: ${explain(status === 200 ? undefined : status, original)}: ${original}`,
		description: `${context ? `${context}. ` : ''}The server answered: ${original}`,
		httpCode: String(status),
		itemIndex,
	});
}

function notJson(node: INode, response: IN8nHttpFullResponse, itemIndex: number, what: string, text?: string): NodeApiError {
	return new NodeApiError(node, { message: what } as JsonObject, {
		message: `${SERVICE} error ${response.statusCode}: ${what}`,
		description: text ? `The server answered: ${text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300)}` : undefined,
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/**
 * Reads an answer. The API answers JSON objects (the vendor's client reads `response['errors']`):
 * `errors` (even with HTTP 200) is a failure, and so is an answer that is not a JSON object (an
 * empty answer, broken JSON, a web page from a proxy).
 */
export function readAnswer(node: INode, response: IN8nHttpFullResponse, itemIndex: number, context?: string): IDataObject {
	let body = response.body as unknown;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') throw notJson(node, response, itemIndex, 'the server sent an empty answer instead of JSON');
		try {
			body = JSON.parse(text);
		} catch {
			throw notJson(
				node,
				response,
				itemIndex,
				text.startsWith('<')
					? 'the server answered with a web page instead of JSON (a proxy or a wrong Server URL?)'
					: 'the server sent an answer that is not valid JSON',
				text,
			);
		}
	}
	if (body === null || body === undefined) throw notJson(node, response, itemIndex, 'the server sent an empty answer instead of JSON');
	if (hasErrors(body)) throw errorsAnswerError(node, body, response.statusCode, itemIndex, context);
	if (typeof body !== 'object' || Array.isArray(body)) return { response: body as IDataObject[string] };
	return body as IDataObject;
}

/** postReceive of every declared operation: the `errors` check, then the answer as one item. */
export async function checkErrors(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: readAnswer(this.getNode(), response, this.getItemIndex()) }];
}

/** The list of user addresses in "Recipients": comma, semicolon or line separated, trimmed, no duplicates. */
export function parseRecipients(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw.map((v) => String(v)) : typeof raw === 'string' ? raw.split(/[,;\n]/) : [];
	return [...new Set(list.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Refuses a recipient list that is empty (when required) or holds an entry with spaces inside. */
export function checkRecipients(node: INode, raw: unknown, required: boolean, itemIndex: number, field = 'Recipients'): string[] {
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && !Array.isArray(raw)) {
		throw new NodeOperationError(node, `"${field}" must be text or a list, got ${typeof raw} (item ${itemIndex})`, { itemIndex });
	}
	const users = parseRecipients(raw);
	if (required && users.length === 0) {
		throw new NodeOperationError(node, `"${field}" is empty (item ${itemIndex})`, {
			itemIndex,
			description: 'A direct message needs at least one user, e.g. "user1@example.com, user2@example.com"',
		});
	}
	const bad = users.find((u) => /\s/.test(u));
	if (bad !== undefined) {
		throw new NodeOperationError(node, `"${field}" holds "${bad.slice(0, 100)}", which is not one user address (item ${itemIndex})`, {
			itemIndex,
			description: 'Separate several users with commas, e.g. "user1@example.com, user2@example.com"',
		});
	}
	return users;
}

/** Refuses an empty message text; the text itself is sent as typed. */
export function checkText(node: INode, raw: unknown, itemIndex: number): string {
	const text = typeof raw === 'number' ? String(raw) : raw;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new NodeOperationError(node, `"Text" is empty (item ${itemIndex})`, { itemIndex, description: 'Give the message a text; use \\n for a line break' });
	}
	return text;
}

/** Refuses an empty chat room name. */
export function checkRoomName(node: INode, raw: unknown, itemIndex: number, field = 'Chat Room Name'): string {
	const name = typeof raw === 'string' ? raw.trim() : '';
	if (!name) {
		throw new NodeOperationError(node, `"${field}" is empty (item ${itemIndex})`, { itemIndex, description: 'Give the name of the chat room, as shown in Chat&Messenger' });
	}
	return name;
}
