/** Replaces every occurrence of a secret (and its URL-encoded and base64 forms) with `***`. */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (!secret) continue;
		for (const form of new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])) {
			out = out.split(form).join('***');
		}
	}
	return out;
}
