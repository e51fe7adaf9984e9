/**
 * Zoom's `start_time`: local wall time `yyyy-MM-ddTHH:mm:ss` (no zone) when a `timezone` is sent,
 * otherwise UTC `yyyy-MM-ddTHH:mm:ssZ`. Conversions use Intl only (no date library).
 */

import { instantOf, isTimeZone, wallClockParts, type WallClock } from '../../shared/zonedTime';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONED = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

export type WallTime = WallClock;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatWall(w: WallTime): string {
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

const asUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

function wallFrom(m: RegExpExecArray): WallTime | undefined {
	const w = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: m[6] ? +m[6] : 0 };
	const check = new Date(asUtc(w));
	if (
		w.month < 1 || w.month > 12 || w.hour > 23 || w.minute > 59 || w.second > 59 ||
		check.getUTCDate() !== w.day || check.getUTCMonth() !== w.month - 1
	) {
		return undefined;
	}
	return w;
}

/**
 * Text of a date-time parameter: n8n may hand over a string, a Date or a Luxon DateTime (whose text
 * is its ISO form, or "Invalid DateTime").
 */
export function dateTimeText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	return typeof value === 'string' ? value.trim() : String(value ?? '');
}

/**
 * Zoom's start_time for a date-time input.
 * - with `timezone`: wall time in that zone; an input with an offset (or Z) is converted to it,
 *   an input without one is taken as already being in that zone;
 * - without: UTC with `Z`; an input without an offset is read in `defaultZone` (the workflow's zone).
 * Returns undefined when the input is not a date-time.
 */
export function zoomStartTime(value: unknown, timezone: string | undefined, defaultZone: string): string | undefined {
	const text = dateTimeText(value);
	const local = LOCAL.exec(text);
	if (local) {
		const wall = wallFrom(local);
		if (!wall) return undefined;
		if (timezone) return formatWall(wall);
		return `${new Date(instantOf(wall, defaultZone)).toISOString().slice(0, 19)}Z`;
	}
	const zoned = ZONED.exec(text);
	if (!zoned) return undefined;
	const [, date, hm, seconds, zone] = zoned;
	const wall = wallFrom(LOCAL.exec(`${date}T${hm}:${seconds ?? '00'}`) as RegExpExecArray);
	if (!wall) return undefined;
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const digits = zone.replace(':', '');
		const hours = Number(digits.slice(1, 3));
		const minutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
		if (hours > 23 || minutes > 59) return undefined;
		offsetMinutes = (digits[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
	}
	const instant = asUtc(wall) - offsetMinutes * 60_000;
	if (timezone) return formatWall(wallClockParts(new Date(instant), timezone));
	return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

/**
 * The zone in which a local date-time (no offset) does not exist, because the clocks skip it for
 * daylight saving time (e.g. 2024-03-10T02:30 in America/New_York); undefined when it exists, has
 * an offset or is not a date-time.
 */
export function skippedIn(value: unknown, zone: string): string | undefined {
	const local = LOCAL.exec(dateTimeText(value));
	const wall = local ? wallFrom(local) : undefined;
	if (!wall || !isTimeZone(zone)) return undefined;
	return formatWall(wallClockParts(new Date(instantOf(wall, zone)), zone)) === formatWall(wall) ? undefined : zone;
}

/** A calendar date `yyyy-MM-dd` from a date or date-time input (its own calendar day, no conversion). */
export function calendarDate(value: unknown): string | undefined {
	const text = dateTimeText(value);
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
	if (!m) return undefined;
	const w = wallFrom(LOCAL.exec(`${m[1]}-${m[2]}-${m[3]}T00:00:00`) as RegExpExecArray);
	return w ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Adds whole months to a `yyyy-MM-dd` date, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Splits [from, to] (inclusive days) into windows of at most one month each, oldest first. */
export function monthWindows(from: string, to: string): Array<{ from: string; to: string }> {
	const windows: Array<{ from: string; to: string }> = [];
	let start = from;
	while (start <= to) {
		const end = addDays(addMonths(start, 1), -1);
		windows.push({ from: start, to: end < to ? end : to });
		start = addDays(end, 1);
	}
	return windows;
}
