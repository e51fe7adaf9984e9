/**
 * Wall-clock time in a time zone, as the services without zones need it (China Standard Time for
 * YTX and Zijing Cloud, the meeting's zone for Zoom, the workflow's zone for Chat&Messenger): the
 * instant a wall-clock time means, and back, across daylight-saving changes.
 */
import { CHINA_TIME_ZONE, formatWallClockMinutes, instantOf, isTimeZone, wallClockParts } from '../../nodes/shared/zonedTime';

describe('isTimeZone', () => {
	test.each(['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'])('%s is a zone', (zone) => {
		expect(isTimeZone(zone)).toBe(true);
	});
	test.each([['Mars/Olympus'], [''], ['   '], [undefined], [null], [8], [{}]])('%p is not', (zone) => {
		expect(isTimeZone(zone)).toBe(false);
	});
});

describe('wallClockParts', () => {
	test('an instant as the clock shows it in each zone', () => {
		const instant = new Date(Date.UTC(2026, 11, 31, 16, 5, 9));
		expect(wallClockParts(instant, CHINA_TIME_ZONE)).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 5, second: 9 });
		expect(wallClockParts(instant, 'UTC')).toEqual({ year: 2026, month: 12, day: 31, hour: 16, minute: 5, second: 9 });
		expect(wallClockParts(instant, 'America/New_York')).toEqual({ year: 2026, month: 12, day: 31, hour: 11, minute: 5, second: 9 });
	});

	test('midnight is hour 0, not 24', () => {
		expect(wallClockParts(new Date(Date.UTC(2026, 5, 1, 16, 0, 0)), CHINA_TIME_ZONE)).toEqual({ year: 2026, month: 6, day: 2, hour: 0, minute: 0, second: 0 });
	});

	test('an unknown zone is an error, not another zone', () => {
		expect(() => wallClockParts(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
	});
});

describe('formatWallClockMinutes', () => {
	test('yyyy-MM-dd HH:mm with every part padded', () => {
		expect(formatWallClockMinutes(new Date(Date.UTC(2027, 0, 2, 1, 3, 59)), CHINA_TIME_ZONE)).toBe('2027-01-02 09:03');
		expect(formatWallClockMinutes(new Date(Date.UTC(999, 0, 2, 1, 3)), 'UTC')).toBe('0999-01-02 01:03');
	});
});

describe('instantOf', () => {
	test('early in a month after a short one: the month is read as it is', () => {
		expect(new Date(instantOf({ year: 2025, month: 1, day: 1, hour: 8, minute: 0, second: 0 }, CHINA_TIME_ZONE)).toISOString()).toBe('2025-01-01T00:00:00.000Z');
		expect(new Date(instantOf({ year: 2025, month: 3, day: 1, hour: 0, minute: 0, second: 0 }, 'UTC')).toISOString()).toBe('2025-03-01T00:00:00.000Z');
	});

	test('a wall-clock time in China is UTC+8', () => {
		expect(new Date(instantOf({ year: 2026, month: 12, day: 1, hour: 9, minute: 30, second: 15 }, CHINA_TIME_ZONE)).toISOString()).toBe(
			'2026-12-01T01:30:15.000Z',
		);
	});

	test('in a zone with daylight saving, the offset of that date', () => {
		expect(new Date(instantOf({ year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin')).toISOString()).toBe('2026-01-15T11:00:00.000Z');
		expect(new Date(instantOf({ year: 2026, month: 7, day: 15, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin')).toISOString()).toBe('2026-07-15T10:00:00.000Z');
	});

	test('the hour that does not exist (clocks go forward): moved forward by the gap, as Luxon does', () => {
		// Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST; 02:30 does not exist and means 03:30 CEST
		const instant = instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin');
		expect(new Date(instant).toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(wallClockParts(new Date(instant), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 });
	});

	test('the hour that happens twice (clocks go back): one of its two instants, read back as the same wall clock', () => {
		// New York, 1 November 2026: 01:30 happens at 05:30 UTC (EDT) and at 06:30 UTC (EST)
		const wall = { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 };
		const instant = instantOf(wall, 'America/New_York');
		expect(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']).toContain(new Date(instant).toISOString());
		expect(wallClockParts(new Date(instant), 'America/New_York')).toEqual(wall);
	});

	test('round trip: the wall clock of the instant is the one given, in every zone used by the services', () => {
		const wall = { year: 2030, month: 2, day: 28, hour: 23, minute: 59, second: 58 };
		for (const zone of [CHINA_TIME_ZONE, 'Asia/Tokyo', 'Europe/Paris', 'America/Los_Angeles', 'Pacific/Chatham', 'UTC']) {
			expect(wallClockParts(new Date(instantOf(wall, zone)), zone)).toEqual(wall);
		}
	});
});
