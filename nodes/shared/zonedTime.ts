/**
 * Wall-clock time in a given IANA time zone, for services whose API takes and gives times without
 * a zone (YTX and Zijing Cloud are in China: China Standard Time, UTC+8, no daylight saving; Zoom's
 * local start times; Chat&Messenger's dates). Intl only, no date library.
 */

/** The zone of services in mainland China. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let found = formatters.get(timeZone);
	if (!found) {
		found = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		});
		formatters.set(timeZone, found);
	}
	return found;
}

/** Whether `timeZone` is an IANA zone name this runtime knows (e.g. Asia/Shanghai, Europe/Berlin, UTC). */
export function isTimeZone(timeZone: unknown): boolean {
	if (typeof timeZone !== 'string') return false;
	try {
		// Intl refuses an empty or padded name too
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The wall-clock parts of an instant in `timeZone`. */
export function wallClockParts(instant: Date, timeZone: string): WallClock {
	const parts: Record<string, number> = {};
	// the literal parts ("/", ", ", ":") are read too, and never used
	for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `yyyy-MM-dd HH:mm` of an instant, as wall-clock time in `timeZone`. */
export function formatWallClockMinutes(instant: Date, timeZone: string): string {
	const t = wallClockParts(instant, timeZone);
	return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The instant (unix ms) at which `timeZone` shows this wall-clock time; a time in a daylight-saving gap moves forward by the gap (02:30 → 03:30), as Luxon does. */
export function instantOf(w: WallClock, timeZone: string): number {
	const guess = asUtc(w);
	const offset1 = asUtc(wallClockParts(new Date(guess), timeZone)) - guess;
	const candidate = guess - offset1;
	// the offset at the first guess's correction; the same as offset1 except across a change of offset
	const offset2 = asUtc(wallClockParts(new Date(candidate), timeZone)) - candidate;
	return guess - offset2;
}
