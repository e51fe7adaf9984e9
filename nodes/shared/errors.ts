import { NodeOperationError, type IExecuteSingleFunctions, type INode } from 'n8n-workflow';

/**
 * What every provider tells a user the same way: a refused input (naming the field and the item),
 * how a value is shown inside such a message, the fallback text of an HTTP status, and the
 * "Return All" / "Limit" reading of list operations.
 */

/** A node, or anything that has one (an execute context). */
export type NodeSource = INode | { getNode: () => INode };

function nodeOf(source: NodeSource): INode {
	return 'getNode' in source ? source.getNode() : source;
}

/** A bad input, refused before any request: the message ends with the item it belongs to. */
export function inputError(source: NodeSource, message: string, itemIndex: number, description?: string): NodeOperationError {
	return new NodeOperationError(nodeOf(source), `${message} (item ${itemIndex})`, { itemIndex, description });
}

/**
 * A value as shown in a message, cut at `max` characters: JSON (strings in quotes) by default,
 * or with `text` a string as it is (for messages that put it in quotes themselves).
 */
export function show(value: unknown, options: { max?: number; text?: boolean } = {}): string {
	const { max = 80, text = false } = options;
	// JSON would show NaN and Infinity as null
	const shown = (text && typeof value === 'string') || (typeof value === 'number' && !Number.isFinite(value)) ? String(value) : (JSON.stringify(value) ?? String(value));
	return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** The English text of an HTTP status when the provider's answer does not explain it. */
export function defaultStatusText(status: number | undefined): string {
	const code = status ?? 0;
	if (code === 401 || code === 403) return 'the credentials were rejected';
	if (code === 404) return 'not found';
	if (code === 429) return 'too many requests (rate limit); try again later or lower "Max Concurrent Requests"';
	if (code >= 500) return `the server failed (HTTP ${code})`;
	return `the request was refused (HTTP ${code})`;
}

/** Reads "Return All" / "Limit" of a list operation: Infinity for Return All, else a whole number ≥ 1. */
export function readLimit(ctx: IExecuteSingleFunctions): number {
	if (ctx.getNodeParameter('returnAll', false) as boolean) return Infinity;
	const raw = ctx.getNodeParameter('limit', 50);
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) {
		throw inputError(ctx, `"Limit" must be a whole number of at least 1, got ${show(raw)}`, ctx.getItemIndex());
	}
	return limit;
}
