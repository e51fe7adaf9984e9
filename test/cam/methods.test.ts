/**
 * How each Chat&Messenger method is called (nodes/ChatMessenger/shared/methods.ts) and which calls
 * only read (nodes/ChatMessenger/shared/transport.ts: a lost answer to them did nothing).
 */
import { CAM_METHODS, camForm, camRequest } from '../../nodes/ChatMessenger/shared/methods';
import { settings } from '../../nodes/ChatMessenger/shared/transport';

describe('camForm and camRequest', () => {
	test('one form field carrying the JSON argument, percent-encoded', () => {
		expect(camForm('sendMessages', [{ message: 'a&b=c+d' }])).toBe('messages=%5B%7B%22message%22%3A%22a%26b%3Dc%2Bd%22%7D%5D');
		expect(camForm('createQuickCall', { expiry: 5, password: 'pw', extra: 1 })).toBe(`message=${encodeURIComponent('{"expiry":5,"password":"pw"}')}`);
		expect(camForm('createQuickCall', { expiry: 5 })).toBe(`message=${encodeURIComponent('{"expiry":5,"password":""}')}`);
		expect(camForm('getConferenceMaster', { any: 1 })).toBe(`message=${encodeURIComponent('{}')}`);
		expect(camForm('getConferenceRoomStatus', { yyyyMMdd: '201908', other: 1 })).toBe(`message=${encodeURIComponent('{"yyyyMMdd":"201908"}')}`);
	});

	test('a method without a form field has no body and no form Content-Type', () => {
		expect(camForm('getConferenceRooms', { any: 1 })).toBe('');
		expect(camRequest('getConferenceRooms')).toEqual({ method: 'GET', url: '/getConferenceRooms' });
		expect(camRequest('sendMessage')).toEqual({ method: 'POST', url: '/sendMessage', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
	});
});

describe('read-only calls', () => {
	test('the three reading methods, by the end of the URL; everything that sends or creates is not', () => {
		const readOnly = (url?: string) => settings.readOnly!({ url: url as string, method: 'POST' });
		expect([CAM_METHODS.getConferenceRooms.path, CAM_METHODS.getConferenceMaster.path, CAM_METHODS.getConferenceRoomStatus.path].map((p) => readOnly(`https://cam.example.com${p}`))).toEqual([
			true,
			true,
			true,
		]);
		expect(['/sendMessage', '/sendMessages', '/createQuickCall', '/updateChatRoom', '/getConferenceRooms/x'].map((p) => readOnly(p))).toEqual([false, false, false, false, false]);
		expect(readOnly(undefined)).toBe(false);
		expect(settings.credentialType({} as never)).toBe('chatMessengerApi');
	});
});
