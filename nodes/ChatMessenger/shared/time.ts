/** Date helpers: an n8n date-time (ISO text, Luxon DateTime, JS Date, unix time) to unix milliseconds. */

import { instantOf, wallClockParts } from '../../shared/zonedTime';

const ZONED_ISO = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** A wall-clock time in `timeZone` (year, month, day, hour, minute, second, ms) to unix milliseconds. */
export function zonedToUnixMs(fields: number[], timeZone: string): number {
	const [year, month, day, hour = 0, minute = 0, second = 0, ms = 0] = fields;
	return instantOf({ year, month, day, hour, minute, second }, timeZone) + ms;
}

/**
 * Reads a date-time as n8n gives it: a Luxon DateTime or JS Date, unix seconds or milliseconds, ISO
 * text with an offset, or ISO text without one (read in the workflow's time zone). Undefined when
 * the value is not a date.
 */
export function toUnixMs(value: unknown, timeZone: string): number | undefined {
	if (value && typeof value === 'object') {
		const luxon = value as { toMillis?: () => number };
		if (typeof luxon.toMillis === 'function') return luxon.toMillis();
		if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
		return undefined;
	}
	if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
		const n = Number(value);
		if (!Number.isFinite(n) || n <= 0) return undefined;
		return n < 1e11 ? n * 1000 : n;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const local = LOCAL_ISO.exec(text);
	if (local) {
		// year, month and day are always there; a missing hour, minute, second or fraction is 0
		const fields = local.slice(1).map((p, i) => (p === undefined ? 0 : i === 6 ? Number(p.padEnd(3, '0')) : Number(p)));
		const [, mo, d, h, mi, s] = fields;
		if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
		return zonedToUnixMs(fields, timeZone);
	}
	if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text) && ZONED_ISO.test(text)) {
		const ms = Date.parse(text.replace(' ', 'T'));
		return Number.isNaN(ms) ? undefined : ms;
	}
	return undefined;
}

/** `yyyyMM` or `yyyyMMdd` from a date given as text (`2019-08`, `2019-08-01`, `201908`, `20190801`, ISO date-time), a DateTime or a Date. */
export function toCamDate(value: unknown, period: 'month' | 'day', timeZone: string): string | undefined {
	let y: number, m: number, d: number;
	if (value && typeof value === 'object') {
		const ms = toUnixMs(value, timeZone);
		if (ms === undefined) return undefined;
		({ year: y, month: m, day: d } = wallClockParts(new Date(ms), timeZone));
	} else if (typeof value === 'string') {
		const text = value.trim();
		const compact = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
		const dashed = /^(\d{4})[-/](\d{2})(?:[-/](\d{2}))?(?:[T ].*)?$/.exec(text);
		const match = compact ?? dashed;
		if (!match) return undefined;
		y = Number(match[1]);
		m = Number(match[2]);
		d = Number(match[3]); // NaN without a day
		if (period === 'day' && Number.isNaN(d)) return undefined;
	} else {
		return undefined;
	}
	if (m < 1 || m > 12) return undefined;
	const yyyyMM = `${String(y).padStart(4, '0')}${String(m).padStart(2, '0')}`;
	if (period === 'month') return yyyyMM;
	if (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
	return `${yyyyMM}${String(d).padStart(2, '0')}`;
}
