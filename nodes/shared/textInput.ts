import { inputError, show, type NodeSource } from './errors';

/** What a value that is not text is, for a message ("an object", "a list", "boolean true"). */
export function kindOf(raw: unknown): string {
	if (Array.isArray(raw)) return 'a list';
	if (raw === null) return 'null';
	if (typeof raw === 'object') return 'an object';
	return `${typeof raw} ${show(raw)}`;
}

/**
 * A text field as a user means it: a string (a finite number is taken as its digits), never an object,
 * a list (which would go out as "[object Object]") or NaN, trimmed unless `keep`, refused when empty (if
 * `required`, the default) or longer than `max` characters (no limit without it: for a value another
 * check bounds, or one whose service documents none). `secret` keeps the value out of messages.
 */
export function textInput(
	source: NodeSource,
	raw: unknown,
	field: string,
	itemIndex: number,
	options: { required?: boolean; max?: number; keep?: boolean; hint?: string; secret?: boolean } = {},
): string {
	const { required = true, max = Number.POSITIVE_INFINITY, keep = false, hint, secret = false } = options;
	// Number.isFinite is true for finite numbers only
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && !Number.isFinite(raw)) {
		// a secret's kind only (a list, an object, boolean), never its value
		const kind = secret && typeof raw !== 'object' ? typeof raw : kindOf(raw);
		throw inputError(source, `"${field}" must be text, got ${kind}`, itemIndex, hint);
	}
	const text = raw === undefined || raw === null ? '' : String(raw);
	const value = keep ? text : text.trim();
	if (required && value.trim() === '') throw inputError(source, `"${field}" is empty`, itemIndex, hint);
	if (value.length > max) {
		const shown = secret ? '' : `: "${show(value, { text: true, max: 40 })}"`;
		throw inputError(source, `"${field}" is longer than ${max} characters (${value.length})${shown}`, itemIndex);
	}
	return value;
}
