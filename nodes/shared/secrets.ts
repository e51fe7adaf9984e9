import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** Shorter values are too common in ordinary data to be told apart from a secret. */
const MIN_SECRET_LENGTH = 4;
/** `Bearer <token>` / `Basic <base64>` in free text: masked in errors whatever the token is. */
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+|%20|\+)[A-Za-z0-9._~+/=-]{6,}/gi;
const MASK = '***';

/** Every form in which a secret may come back: as sent, URL-encoded, base64 with and without padding. */
function formsOf(secret: string): string[] {
	const base64 = Buffer.from(secret).toString('base64');
	return [secret, encodeURIComponent(secret), base64, base64.replace(/=+$/, '')];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function maskText(text: string, pattern: RegExp | undefined, forError: boolean): string {
	const masked = pattern ? text.replace(pattern, MASK) : text;
	return forError ? masked.replace(AUTH_SCHEME, `$1$2${MASK}`) : masked;
}

/** The pattern is built once per value, not once per string inside it. */
function maskValue<T>(value: T, pattern: RegExp | undefined, forError: boolean, seen: WeakSet<object>): T {
	if (typeof value === 'string') return maskText(value, pattern, forError) as T;
	if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || seen.has(value)) return value;
	seen.add(value);
	if (Array.isArray(value)) {
		let changed = false;
		const out = value.map((entry) => {
			const masked = maskValue(entry, pattern, forError, seen);
			changed ||= masked !== entry;
			return masked;
		});
		return (changed ? out : value) as T;
	}
	let out: IDataObject | undefined;
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		const masked = maskValue(entry, pattern, forError, seen);
		if (masked !== entry) (out ??= { ...(value as IDataObject) })[key] = masked;
	}
	return (out ?? value) as T;
}

/**
 * The secrets of one run: credential fields (read when masking, so a token fetched during the run is
 * included), tokens and signatures added as requests go out. One mechanism for the whole pack:
 * errors get the exact values and any `Bearer …` / `Basic …` masked in every field n8n keeps;
 * output items get the exact values masked (a pattern there would corrupt users' data).
 */
export class SecretMask {
	private readonly values = new Set<string>();
	private readonly watched: Array<{ source: IDataObject; fields: string[] }> = [];
	private cache?: { key: string; pattern?: RegExp };

	/** Values read from `source[field]` each time the mask is used (a credential that gets a new token). */
	watch(source: IDataObject | undefined, fields: string[]): this {
		if (source) this.watched.push({ source, fields });
		return this;
	}

	add(...values: unknown[]): this {
		for (const value of values) {
			if (typeof value === 'string') this.values.add(value);
		}
		return this;
	}

	private pattern(): RegExp | undefined {
		const all = new Set(this.values);
		for (const { source, fields } of this.watched) {
			for (const field of fields) {
				const value = source[field];
				if (typeof value === 'string') all.add(value);
			}
		}
		const key = [...all].join('\u0000');
		if (this.cache?.key !== key) {
			const forms = [...new Set([...all].filter((value) => value.length >= MIN_SECRET_LENGTH).flatMap(formsOf))];
			// shorter values are left out; longest first, so that a secret inside a longer one leaves no tail
			forms.sort((a, b) => b.length - a.length);
			this.cache = { key, pattern: forms.length ? new RegExp(forms.map(escape).join('|'), 'g') : undefined };
		}
		return this.cache.pattern;
	}

	/** The exact secret values masked (output items). */
	text(text: string): string {
		return maskText(text, this.pattern(), false);
	}

	/** Exact values and authorization schemes masked (errors). */
	errorText(text: string): string {
		return maskText(text, this.pattern(), true);
	}

	/** A copy of a JSON value with every string masked; the value itself when nothing had to change. */
	value<T>(value: T, forError = false): T {
		return maskValue(value, this.pattern(), forError, new WeakSet<object>());
	}

	/** Output items: the JSON masked, binary data left as it is. */
	items(items: INodeExecutionData[]): INodeExecutionData[] {
		const pattern = this.pattern();
		if (!pattern) return items;
		return items.map((item) => {
			const json = maskValue(item.json, pattern, false, new WeakSet<object>());
			return json === item.json ? item : { ...item, json };
		});
	}

	/**
	 * Masks, in place, every field of an error that n8n keeps in the execution: message, description,
	 * messages, errorResponse, context, stack; `cause` (a transport error holding the request with its
	 * headers) is replaced by its masked message.
	 */
	error<E extends Error>(error: E): E {
		const e = error as unknown as IDataObject & { message: string; stack?: string; cause?: unknown };
		e.message = this.errorText(e.message);
		if (typeof e.stack === 'string') e.stack = this.errorText(e.stack);
		for (const field of ['description', 'messages', 'errorResponse', 'context'] as const) {
			if (e[field] !== undefined) e[field] = this.value(e[field], true);
		}
		if (e.cause !== undefined) {
			const cause = e.cause as { message?: unknown } | undefined;
			e.cause = { message: this.errorText(typeof cause?.message === 'string' ? cause.message : String(cause)) };
		}
		return error;
	}
}
