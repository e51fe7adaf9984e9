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
		['01053889900, 12', '01053889900,12'],
		['138.0013.8000', '13800138000'],
		['（010）53889900', '01053889900'],
		['+86 010 5388 9900', '01053889900'],
		['0086 755 8888 6666', '075588886666'],
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

	// the exact reason: each refusal names its own cause
	it.each<[unknown, string]>([
		[undefined, 'is empty'],
		[null, 'is empty'],
		['   ', 'is empty'],
		[{ phone: '13800138000' }, 'is not a phone number'],
		[true, 'is not a phone number'],
		['13800138000x', 'contains characters other than digits'],
		// "0086" inside a number is no country prefix: 12300861234 is no number, not 0 + 12300861234
		['12300861234', 'is not a phone number'],
		// a valid number inside a longer run of digits is no number: digits before a mobile or a
		// landline, digits after a landline or a 400 number
		['99913800138000', 'is not a phone number'],
		['9901053889900', 'is not a phone number'],
		['0105388990012345', 'is not a phone number'],
		['40080012345678', 'is not a phone number'],
	])('refuses %p: %s', (input, reason) => {
		expect(normalizePhone(input)).toEqual({ ok: false, reason });
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

describe('participants: limits, names and repeats', () => {
	const phones = (n: number) => Array.from({ length: n }, (_, i) => ({ phone: `138${String(i).padStart(8, '0')}` }));
	const refusal = (input: unknown) => {
		const checked = normalizeParties(input);
		return checked.ok ? checked : checked.reason;
	};

	it('takes 100 participants and refuses 101', () => {
		const hundred = normalizeParties(phones(100));
		expect(hundred.ok && hundred.value).toHaveLength(100);
		expect(refusal(phones(101))).toBe('lists 101 participants, more than the 100 this node sends in one conference');
	});

	it('takes a name of 50 characters and refuses 51, quoting its start', () => {
		const fifty = normalizeParties([{ name: '张'.repeat(50), phone: '13800138000' }]);
		expect(fifty).toEqual({ ok: true, value: [{ name: '张'.repeat(50), phone: '13800138000' }] });
		expect(refusal([{ phone: '13800138001' }, { name: `${'a'.repeat(25)}${'b'.repeat(26)}`, phone: '13800138000' }])).toBe(
			`entry 2: name "${'a'.repeat(20)}…" is 51 characters long, more than 50`,
		);
	});

	it('trims names, takes a number as a name, and uses the phone when the name is empty, null or absent', () => {
		expect(
			normalizeParties([
				{ name: '  张三  ', phone: '13800138001' },
				{ name: 42, phone: '13800138002' },
				{ name: null, phone: '13800138003' },
				{ name: '   ', phone: '13800138004' },
				{ phone: '13800138005' },
			]),
		).toEqual({
			ok: true,
			value: [
				{ name: '张三', phone: '13800138001' },
				{ name: '42', phone: '13800138002' },
				{ name: '13800138003', phone: '13800138003' },
				{ name: '13800138004', phone: '13800138004' },
				{ name: '13800138005', phone: '13800138005' },
			],
		});
	});

	it.each<[unknown, string]>([
		[{ first: 'Zhang' }, 'entry 2: name is not text but an object'],
		[['Zhang'], 'entry 2: name is not text but a list'],
		[true, 'entry 2: name is not text but boolean'],
	])('refuses the name %p', (name, reason) => {
		expect(refusal([{ phone: '13800138001' }, { name, phone: '13800138000' }])).toBe(reason);
	});

	it('refuses a phone number given twice, in any spelling, naming both entries', () => {
		expect(refusal([{ phone: '13800138001' }, { phone: '13800138000' }, { phone: '138-0013-8000' }])).toBe(
			'entry 3: phone "13800138000" is already entry 2',
		);
	});

	it('refuses a text of spaces as empty, and reads JSON with spaces around it', () => {
		expect(refusal('   ')).toBe('is empty');
		expect(normalizeParties('  [{"phone": "13800138000"}]  ')).toEqual({ ok: true, value: [{ name: '13800138000', phone: '13800138000' }] });
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

	it('drops the seconds of an ISO time from the instant too, and trims spaces around a time', () => {
		expect(normalizeBookTime('2026-11-24T01:30:45.500Z', now)).toEqual({
			ok: true,
			value: { text: '2026-11-24 09:30', instant: Date.parse('2026-11-24T01:30:00Z') },
		});
		expect(normalizeBookTime('  2026-11-24 09:30  ', now)).toEqual({
			ok: true,
			value: { text: '2026-11-24 09:30', instant: Date.parse('2026-11-24T01:30:00Z') },
		});
	});

	it.each<[unknown, string]>([
		[undefined, 'is empty'],
		[null, 'is empty'],
		[42, 'must be a date and time as text'],
		[{}, 'must be a date and time as text'],
		[['2026-11-24 09:30'], 'must be a date and time as text'],
		['   ', 'is empty'],
		// every overflow Date.UTC would carry on: month 13, day 31 of a 30-day month, 24:00, minute 60
		['2026-13-15 09:30', 'is not a valid date and time'],
		['2026-11-31 09:30', 'is not a valid date and time'],
		['2026-12-24 24:00', 'is not a valid date and time'],
		['2026-12-24 09:60', 'is not a valid date and time'],
		['2026-13-45T09:30:00Z', 'is not a valid date and time'],
	])('refuses %p: %s', (input, reason) => {
		expect(normalizeBookTime(input, now)).toEqual({ ok: false, reason });
	});

	it('converts ISO 8601 times with an offset to China time, dropping seconds', () => {
		expect(normalizeBookTime('2026-11-24T01:30:45Z', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime('2026-11-24T09:30:00+08:00', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime('2026-11-23T20:30:00-05:00', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime(new Date('2026-11-24T01:30:00Z'), now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime({ toISO: () => '2026-11-24T01:30:00.000Z' }, now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		// seconds may be left out, and the offset written without its colon
		expect(normalizeBookTime('2026-11-24T01:30Z', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
		expect(normalizeBookTime('2026-11-24T09:30:00+0800', now)).toMatchObject({ ok: true, value: { text: '2026-11-24 09:30' } });
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
		// a time with something before or after it is not in either format
		['12026-11-24 09:30', 'is not in the format'],
		['x2026-11-24T01:30:00Z', 'is not in the format'],
		['2026-11-24T01:30:00Z and later', 'is not in the format'],
	])('refuses %p (%s)', (input, reason) => {
		const checked = normalizeBookTime(input, now);
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.reason).toContain(reason);
	});

	it('formats an instant as China time', () => {
		expect(formatBookTime(Date.parse('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05');
	});
});
