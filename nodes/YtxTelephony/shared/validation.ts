/**
 * Input checks of YTX Telephony, done before any request: phone numbers, participants, booking time.
 * Pure functions returning a normalised value or a reason; the node turns a reason into a
 * NodeOperationError naming the field, the value and the item.
 */
import { CHINA_OFFSET_MS, chinaTimeParts } from './signing';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export const PHONE_HINT =
	'a mobile number (11 digits starting with 1, e.g. 13800138000), a landline with its area code (e.g. 01053889900), a 400/800 number, or a landline with an extension after a comma (e.g. 01053889900,1234)';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;
const SERVICE_NUMBER = /^[48]00\d{7}$/;
const EXTENSION = /^\d{1,6}$/;

/**
 * A phone number as YTX expects it: digits only, a landline optionally followed by `,extension`.
 * Spaces, hyphens, dots and parentheses are removed, a `+86` / `0086` prefix is turned into the
 * national form (a mobile loses it, a landline gets its leading 0), a full-width comma is accepted.
 */
export function normalizePhone(input: unknown, options: { allowExtension?: boolean } = {}): Checked<string> {
	if (input === undefined || input === null) return { ok: false, reason: 'is empty' };
	if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, reason: 'is not a phone number' };
	const text = String(input).trim().replace(/，/g, ',');
	if (!text) return { ok: false, reason: 'is empty' };
	const [mainPart, extension, ...rest] = text.split(',');
	if (rest.length) return { ok: false, reason: 'has more than one extension' };
	let main = mainPart.replace(/[\s\-.()（）]/g, '');
	if (/^(\+|00)86/.test(main)) {
		main = main.replace(/^(\+|00)86/, '');
		if (!MOBILE.test(main) && !main.startsWith('0')) main = `0${main}`;
	}
	if (!/^\d+$/.test(main)) return { ok: false, reason: 'contains characters other than digits' };
	const isMobile = MOBILE.test(main);
	const isLandline = LANDLINE.test(main);
	const isService = SERVICE_NUMBER.test(main);
	if (!isMobile && !isLandline && !isService) return { ok: false, reason: 'is not a phone number' };
	if (extension === undefined) return { ok: true, value: main };
	const ext = extension.replace(/\s/g, '');
	if (options.allowExtension === false) return { ok: false, reason: 'may not carry an extension' };
	if (isMobile) return { ok: false, reason: 'is a mobile number: only a landline can carry an extension' };
	if (!EXTENSION.test(ext)) return { ok: false, reason: 'has an extension that is not 1 to 6 digits' };
	return { ok: true, value: `${main},${ext}` };
}

export interface Party {
	name: string;
	phone: string;
}

/**
 * The participants, from the list or from an expression (an array of `{name, phone}` objects, or the
 * same array as JSON text). A missing name becomes the phone number. Returns the list or the reason
 * the whole list (or entry `index`, 1-based) is refused.
 */
export function normalizeParties(input: unknown): Checked<Party[]> {
	let list = input;
	if (typeof list === 'string') {
		const text = list.trim();
		if (!text) return { ok: false, reason: 'is empty' };
		try {
			list = JSON.parse(text);
		} catch {
			return { ok: false, reason: 'is not valid JSON (expected an array such as [{"name": "Zhang San", "phone": "13800138000"}])' };
		}
	}
	if (list && typeof list === 'object' && !Array.isArray(list)) list = [list];
	if (!Array.isArray(list)) return { ok: false, reason: 'is not a list of participants' };
	if (list.length === 0) return { ok: false, reason: 'is empty: add at least one participant' };
	const out: Party[] = [];
	for (const [i, entry] of list.entries()) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			return { ok: false, reason: `entry ${i + 1} is not an object with "name" and "phone"` };
		}
		const { name, phone } = entry as { name?: unknown; phone?: unknown };
		const checked = normalizePhone(phone);
		if (!checked.ok) {
			return { ok: false, reason: `entry ${i + 1}: phone "${String(phone ?? '')}" ${checked.reason}; expected ${PHONE_HINT}` };
		}
		if (name !== undefined && name !== null && typeof name !== 'string' && typeof name !== 'number') {
			return { ok: false, reason: `entry ${i + 1}: name is not text` };
		}
		const cleanName = name === undefined || name === null ? '' : String(name).trim();
		out.push({ name: cleanName || checked.value, phone: checked.value });
	}
	return { ok: true, value: out };
}

const CHINA_LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** `yyyy-MM-dd HH:mm` in China Standard Time. */
export function formatBookTime(instant: number): string {
	const t = chinaTimeParts(new Date(instant));
	const p = (n: number) => String(n).padStart(2, '0');
	return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}`;
}

/**
 * The booking time YTX expects (`yyyy-MM-dd HH:mm`, China Standard Time). Accepts that form, or an
 * ISO 8601 time with an offset or `Z` (converted to China time; seconds are dropped), or a Date /
 * Luxon DateTime from an expression. The time must lie in the future.
 */
export function normalizeBookTime(input: unknown, now = Date.now()): Checked<{ text: string; instant: number }> {
	let value = input;
	if (value instanceof Date) value = value.toISOString();
	else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		value = (value as { toISO: () => string }).toISO();
	}
	if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'is empty' };
	const text = value.trim();
	let instant: number;
	const local = CHINA_LOCAL.exec(text);
	if (local) {
		const [year, month, day, hour, minute] = local.slice(1).map(Number);
		instant = Date.UTC(year, month - 1, day, hour, minute) - CHINA_OFFSET_MS;
		const back = chinaTimeParts(new Date(instant));
		if (back.year !== year || back.month !== month || back.day !== day || back.hour !== hour || back.minute !== minute) {
			return { ok: false, reason: 'is not a valid date and time' };
		}
	} else if (ISO_WITH_ZONE.test(text)) {
		instant = Date.parse(text);
		if (!Number.isFinite(instant)) return { ok: false, reason: 'is not a valid date and time' };
		instant -= ((instant % 60_000) + 60_000) % 60_000;
	} else {
		return {
			ok: false,
			reason:
				'is not in the format yyyy-MM-dd HH:mm (China Standard Time, e.g. 2026-12-01 14:30) nor an ISO 8601 time with an offset (e.g. 2026-12-01T06:30:00Z)',
		};
	}
	if (instant <= now) return { ok: false, reason: `is not in the future (it is ${formatBookTime(instant)} China Standard Time)` };
	return { ok: true, value: { text: formatBookTime(instant), instant } };
}
