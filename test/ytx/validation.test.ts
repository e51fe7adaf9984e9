/** Input checks of the YTX node as pure functions: phone numbers, participants, booking time. */
import { formatBookTime, normalizeBookTime, normalizeParties, normalizePhone } from '../../nodes/YtxTelephony/shared/validation';

describe('phone numbers', () => {
	it.each([
		['13800138000', '13800138000'],
		['138 0013 8000', '13800138000'],
		['+86 138-0013-8000', '13800138000'],
		['008613800138000', '13800138000'],
		['01053889900', '01053889900'],
		['010-5388-9900', '01053889900'],
		['(0755) 8888 6666', '075588886666'],
		['+86 10 5388 9900', '01053889900'],
		['01053889900,1234', '01053889900,1234'],
		['010-53889900，88', '01053889900,88'],
		['4008001234', '4008001234'],
		[13800138000, '13800138000'],
	])('accepts %p as %p', (input, expected) => {
		expect(normalizePhone(input)).toEqual({ ok: true, value: expected });
	});

	it.each([
		['', 'is empty'],
		['12345', 'is not a phone number'],
		['23800138000', 'is not a phone number'],
		['1380013800', 'is not a phone number'],
		['138001380001', 'is not a phone number'],
		['1053889900', 'is not a phone number'],
		['13800138000,12', 'only a landline can carry an extension'],
		['01053889900,12a', 'extension that is not 1 to 6 digits'],
		['01053889900,1234567', 'extension that is not 1 to 6 digits'],
		['01053889900,1,2', 'more than one extension'],
		['tel:13800138000', 'characters other than digits'],
	])('refuses %p (%s)', (input, reason) => {
		const checked = normalizePhone(input);
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.reason).toContain(reason);
	});
});

describe('participants', () => {
	it('accepts an array, a JSON text of it, and a single object; a missing name becomes the phone', () => {
		const list = [
			{ name: '张三', phone: '150 0000 0804' },
			{ name: '王五', phone: '01053889900,1234' },
			{ phone: '13600007556' },
		];
		const expected = [
			{ name: '张三', phone: '15000000804' },
			{ name: '王五', phone: '01053889900,1234' },
			{ name: '13600007556', phone: '13600007556' },
		];
		expect(normalizeParties(list)).toEqual({ ok: true, value: expected });
		expect(normalizeParties(JSON.stringify(list))).toEqual({ ok: true, value: expected });
		expect(normalizeParties({ name: 'A', phone: '13800138000' })).toEqual({ ok: true, value: [{ name: 'A', phone: '13800138000' }] });
	});

	it.each([
		[[], 'at least one participant'],
		['', 'is empty'],
		['[{"name": "A", "phone": ', 'not valid JSON'],
		[[{ name: 'A', phone: '13800138000' }, { name: 'B', phone: '555' }], 'entry 2: phone "555" is not a phone number'],
		[[{ name: 'A' }], 'entry 1: phone "" is empty'],
		[['13800138000'], 'entry 1 is not an object'],
		[42, 'not a list'],
	])('refuses %p (%s)', (input, reason) => {
		const checked = normalizeParties(input);
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.reason).toContain(reason);
	});
});

describe('booking time', () => {
	const now = Date.parse('2026-11-23T13:00:00Z'); // 21:00 in China

	it('takes yyyy-MM-dd HH:mm as China Standard Time', () => {
		expect(normalizeBookTime('2026-11-24 09:30', now)).toEqual({
			ok: true,
			value: { text: '2026-11-24 09:30', instant: Date.parse('2026-11-24T01:30:00Z') },
		});
	});

	it('converts ISO 8601 times with an offset to China time, dropping seconds', () => {
		expect(normalizeBookTime('2026-11-24T01:30:45Z', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime('2026-11-24T09:30:00+08:00', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime('2026-11-23T20:30:00-05:00', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime(new Date('2026-11-24T01:30:00Z'), now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime({ toISO: () => '2026-11-24T01:30:00.000Z' }, now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
	});

	it.each([
		['', 'is empty'],
		['2026/11/24 09:30', 'is not in the format yyyy-MM-dd HH:mm'],
		['2026-11-24 9:30', 'is not in the format'],
		['2026-11-24T09:30', 'is not in the format'],
		['2026-11-24 09:30:00', 'is not in the format'],
		['2026-02-30 09:30', 'is not a valid date and time'],
		['2026-11-24 24:00', 'is not a valid date and time'],
		['2026-11-23 21:00', 'is not in the future'],
		['2026-11-23T12:59:00Z', 'is not in the future (it is 2026-11-23 20:59 China Standard Time)'],
	])('refuses %p (%s)', (input, reason) => {
		const checked = normalizeBookTime(input, now);
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.reason).toContain(reason);
	});

	it('formats an instant as China time', () => {
		expect(formatBookTime(Date.parse('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05');
	});
});
