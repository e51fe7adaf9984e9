/**
 * The booking-time reader with the values an expression can hand over besides text. Through the
 * test engine a Date or DateTime arrives as its ISO text (inputs.test.ts), but n8n's legacy
 * expression engine returns a whole-expression result such as `{{ $now }}` (a Luxon DateTime) or a
 * JS Date as the object itself (`Expression.resolveSimpleParameterValue`; n8n's parameter clean-up
 * converts only DateTimes nested in an object): the node reads those too.
 */
import { DateTime } from 'luxon';

import { toBookingTime } from '../../nodes/ZijingCloud/shared/validation';

test('a JS Date is converted to the service zone, to the minute', () => {
	expect(toBookingTime(new Date('2026-12-01T01:00:30Z'), 'Asia/Shanghai')).toBe('2026-12-01 09:00');
	expect(toBookingTime(new Date('2026-12-01T01:00:30Z'), 'Europe/Paris')).toBe('2026-12-01 02:00');
});

test('an invalid Date is no date and time', () => {
	expect(toBookingTime(new Date('not a date'), 'Asia/Shanghai')).toBeUndefined();
});

test('a Luxon DateTime is converted from its own zone to the service zone', () => {
	const inParis = DateTime.fromISO('2026-07-01T10:15:00', { zone: 'Europe/Paris' });
	expect(toBookingTime(inParis, 'Asia/Shanghai')).toBe('2026-07-01 16:15');
});

test('other objects and numbers are no date and time', () => {
	expect(toBookingTime({ toISO: 'not a function' }, 'Asia/Shanghai')).toBeUndefined();
	expect(toBookingTime(1764550800000, 'Asia/Shanghai')).toBeUndefined();
	expect(toBookingTime({}, 'Asia/Shanghai')).toBeUndefined();
	expect(toBookingTime(null, 'Asia/Shanghai')).toBeUndefined();
	expect(toBookingTime(undefined, 'Asia/Shanghai')).toBeUndefined();
});
