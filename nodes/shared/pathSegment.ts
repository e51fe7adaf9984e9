import { NodeOperationError, type IExecuteFunctions, type IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * A value placed in a URL path, as one segment: encoded, and refused before any request when it is
 * empty or made only of dots (`.` and `..` would make the request go to another endpoint).
 */
export function pathSegment(
	ctx: Pick<IExecuteFunctions | IExecuteSingleFunctions, 'getNode'>,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	if (/^\.*$/.test(text.trim())) {
		throw new NodeOperationError(
			ctx.getNode(),
			text.trim() ? `"${label}" cannot be ${JSON.stringify(text)} (item ${itemIndex})` : `"${label}" is empty (item ${itemIndex})`,
			{ itemIndex, description: `"${label}" goes into the request's URL path: it must name one item, not be empty or dots only` },
		);
	}
	return encodeURIComponent(text);
}
