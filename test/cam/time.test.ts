/**
 * The date helpers behind Quick Call → Create ("Expires At": unix milliseconds) and Get
 * Reservations ("Month" / "Day": yyyyMM / yyyyMMdd): every form n8n can hand them, and every form
 * they must refuse (undefined, which the operations turn into an error naming the field).
 */
import { DateTime } from 'luxon';

import { toCamDate, toUnixMs, zonedToUnixMs } from '../../nodes/ChatMessenger/shared/time';

describe('toUnixMs', () => {
	test('a Luxon DateTime, a JS Date; an invalid Date and other objects are not dates', () => {
		expect(toUnixMs(DateTime.fromMillis(1_700_000_000_123), 'UTC')).toBe(1_700_000_000_123);
		expect(toUnixMs({ toMillis: () => 42_000 }, 'UTC')).toBe(42_000);
		expect(toUnixMs(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
		expect(toUnixMs(new Date('not a date'), 'UTC')).toBeUndefined();
		expect(toUnixMs({ at: 1 }, 'UTC')).toBeUndefined();
		expect(toUnixMs({ toMillis: 5 }, 'UTC')).toBeUndefined();
		expect(toUnixMs(['2026-12-01'], 'UTC')).toBeUndefined();
	});

	test('unix seconds and milliseconds, as numbers or as 9 to 13 digits of text', () => {
		expect(toUnixMs(1_624_368_868, 'UTC')).toBe(1_624_368_868_000);
		expect(toUnixMs(1_624_368_868_714, 'UTC')).toBe(1_624_368_868_714);
		expect(toUnixMs(' 1624368868 ', 'UTC')).toBe(1_624_368_868_000);
		expect(toUnixMs('1624368868714', 'UTC')).toBe(1_624_368_868_714);
		expect(toUnixMs('123456789', 'UTC')).toBe(123_456_789_000);
		// the boundary between seconds and milliseconds: 1e11
		expect(toUnixMs(99_999_999_999, 'UTC')).toBe(99_999_999_999_000);
		expect(toUnixMs(100_000_000_000, 'UTC')).toBe(100_000_000_000);
		expect(toUnixMs(1, 'UTC')).toBe(1000);
	});

	test('zero, negative, NaN and infinite numbers, and digits of the wrong length, are not dates', () => {
		expect(toUnixMs(0, 'UTC')).toBeUndefined();
		expect(toUnixMs(-1_624_368_868, 'UTC')).toBeUndefined();
		expect(toUnixMs(Number.NaN, 'UTC')).toBeUndefined();
		expect(toUnixMs(Number.POSITIVE_INFINITY, 'UTC')).toBeUndefined();
		expect(toUnixMs('000000000', 'UTC')).toBeUndefined();
		expect(toUnixMs('12345678', 'UTC')).toBeUndefined();
		expect(toUnixMs('12345678901234', 'UTC')).toBeUndefined();
		expect(toUnixMs('x1624368868', 'UTC')).toBeUndefined();
		expect(toUnixMs('1624368868x', 'UTC')).toBeUndefined();
	});

	test('other values are not dates', () => {
		expect(toUnixMs(undefined, 'UTC')).toBeUndefined();
		expect(toUnixMs(null, 'UTC')).toBeUndefined();
		expect(toUnixMs(true, 'UTC')).toBeUndefined();
		expect(toUnixMs('', 'UTC')).toBeUndefined();
		expect(toUnixMs('tomorrow', 'UTC')).toBeUndefined();
	});

	test('ISO text without an offset is a wall-clock time in the given zone; missing parts are zero', () => {
		expect(toUnixMs('2026-12-01', 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 30, 15));
		expect(toUnixMs(' 2026-12-01T18:00 ', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 1, 9));
		expect(toUnixMs('2026-12-01 18:07:09', 'UTC')).toBe(Date.UTC(2026, 11, 1, 18, 7, 9));
		expect(toUnixMs('2026-12-01T18:07:09.5', 'UTC')).toBe(Date.UTC(2026, 11, 1, 18, 7, 9, 500));
		expect(toUnixMs('2026-12-01T18:07:09.25', 'UTC')).toBe(Date.UTC(2026, 11, 1, 18, 7, 9, 250));
		expect(toUnixMs('2026-12-01T18:07:09.123999', 'UTC')).toBe(Date.UTC(2026, 11, 1, 18, 7, 9, 123));
		expect(toUnixMs('2026-12-31T23:59:59', 'UTC')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
		expect(toUnixMs('2026-01-01T00:00:00', 'UTC')).toBe(Date.UTC(2026, 0, 1));
	});

	test('a wall-clock time with a part out of range is not a date', () => {
		for (const text of [
			'2026-00-01T00:00:00',
			'2026-13-01T00:00:00',
			'2026-12-00T00:00:00',
			'2026-12-32T00:00:00',
			'2026-12-01T24:00:00',
			'2026-12-01T23:60:00',
			'2026-12-01T23:59:60',
			'2026-12-01T18',
			'2026-12-01T18:00:00.',
			'2026-12-1',
			'x2026-12-01',
		]) {
			expect([text, toUnixMs(text, 'UTC')]).toEqual([text, undefined]);
		}
	});

	test('ISO text with an offset or Z is that instant, whatever the zone', () => {
		expect(toUnixMs('2026-12-01T18:00:00+09:00', 'Europe/Paris')).toBe(Date.UTC(2026, 11, 1, 9));
		expect(toUnixMs('2026-12-01 18:00+0900', 'UTC')).toBe(Date.UTC(2026, 11, 1, 9));
		expect(toUnixMs('2026-12-01T09:00:00z', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 1, 9));
		expect(toUnixMs('2026-12-01T09:00:00.250-05:00', 'UTC')).toBe(Date.UTC(2026, 11, 1, 14, 0, 0, 250));
		// an offset on something that is not a date and time
		expect(toUnixMs('2026-13-01T09:00:00Z', 'UTC')).toBeUndefined();
		expect(toUnixMs('2026-12-01Z', 'UTC')).toBeUndefined();
		expect(toUnixMs('x2026-12-01T09:00Z', 'UTC')).toBeUndefined();
		// ISO's expanded year, which JavaScript's Date.parse reads: not a form n8n gives, and not a CAM time
		expect(toUnixMs('+002026-12-01T09:00Z', 'UTC')).toBeUndefined();
		expect(toUnixMs('2026-12-01T09:00:00+09:00 later', 'UTC')).toBeUndefined();
	});
});

describe('zonedToUnixMs', () => {
	test('the wall-clock fields in a zone, hour to milliseconds defaulting to zero', () => {
		expect(zonedToUnixMs([2026, 12, 1], 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 30, 15));
		expect(zonedToUnixMs([2026, 12, 1, 18, 7, 9, 5], 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 1, 9, 7, 9, 5));
		expect(zonedToUnixMs([2026, 7, 1, 18], 'Europe/Paris')).toBe(Date.UTC(2026, 6, 1, 16));
	});
});

describe('toCamDate', () => {
	test('month: yyyyMM from 2019-08, 2019/08, 201908, a full date or date-time', () => {
		expect(toCamDate('2019-08', 'month', 'UTC')).toBe('201908');
		expect(toCamDate(' 2019/08 ', 'month', 'UTC')).toBe('201908');
		expect(toCamDate('201908', 'month', 'UTC')).toBe('201908');
		expect(toCamDate('20190831', 'month', 'UTC')).toBe('201908');
		expect(toCamDate('2019-08-31', 'month', 'UTC')).toBe('201908');
		expect(toCamDate('2019-08-31T23:00:00Z', 'month', 'UTC')).toBe('201908');
		expect(toCamDate('0999-01', 'month', 'UTC')).toBe('099901');
	});

	test('day: yyyyMMdd, two digits each', () => {
		expect(toCamDate('2019-08-05', 'day', 'UTC')).toBe('20190805');
		expect(toCamDate('2019/08/05 10:00', 'day', 'UTC')).toBe('20190805');
		expect(toCamDate('20190805', 'day', 'UTC')).toBe('20190805');
		expect(toCamDate('2019-01-31', 'day', 'UTC')).toBe('20190131');
		expect(toCamDate('2019-12-01', 'day', 'UTC')).toBe('20191201');
		expect(toCamDate('2019-04-30', 'day', 'UTC')).toBe('20190430');
	});

	test('a DateTime or Date: the calendar day in the given zone', () => {
		const instant = Date.UTC(2019, 7, 31, 20);
		expect(toCamDate(new Date(instant), 'day', 'UTC')).toBe('20190831');
		expect(toCamDate(new Date(instant), 'day', 'Asia/Tokyo')).toBe('20190901');
		expect(toCamDate(new Date(instant), 'month', 'Asia/Tokyo')).toBe('201909');
		expect(toCamDate(DateTime.fromMillis(instant), 'day', 'America/New_York')).toBe('20190831');
		expect(toCamDate(new Date('not a date'), 'day', 'UTC')).toBeUndefined();
		expect(toCamDate({ month: 8 }, 'month', 'UTC')).toBeUndefined();
	});

	test('what is not a month or day of the calendar is refused', () => {
		for (const [value, period] of [
			['2019-00', 'month'],
			['2019-13', 'month'],
			['201913', 'month'],
			['2019-8', 'month'],
			['x201908', 'month'],
			['2019081', 'month'],
			['201908011', 'day'],
			['2019080', 'day'],
			['August 2019', 'month'],
			['x2019-08', 'month'],
			['2019-08x', 'month'],
			['', 'month'],
			['2019-08', 'day'],
			['201908', 'day'],
			['2019-08-00', 'day'],
			['2019-08-32', 'day'],
			['2019-04-31', 'day'],
			['2019-02-29', 'day'],
			['2019-13-01', 'day'],
			['2019-08-1', 'day'],
		] as const) {
			expect([value, period, toCamDate(value, period, 'UTC')]).toEqual([value, period, undefined]);
		}
		expect(toCamDate('2020-02-29', 'day', 'UTC')).toBe('20200229');
		expect(toCamDate(201908, 'month', 'UTC')).toBeUndefined();
		expect(toCamDate(undefined, 'month', 'UTC')).toBeUndefined();
		expect(toCamDate(null, 'day', 'UTC')).toBeUndefined();
	});
});
