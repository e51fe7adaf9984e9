/**
 * The checks of Message → Send / Send Many and Chat Room → Create / Update, called as the operations
 * call them: what passes (and in which form it is sent) and the exact refusal, naming field and item.
 */
import type { INode } from 'n8n-workflow';

import { checkRecipients, checkRoomName, checkText, LIMITS, parseRecipients, textField } from '../../nodes/ChatMessenger/shared/validation';

const node = { id: '1', name: 'CAM', type: 'n8n-nodes-conferencing.chatMessenger', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

/** The message and description of what `run` throws (undefined when it returns). */
function refusal(run: () => unknown): { message: string; description?: string | null; itemIndex?: unknown } | undefined {
	try {
		run();
		return undefined;
	} catch (error) {
		const e = error as { message: string; description?: string | null; context?: { itemIndex?: unknown } };
		return { message: e.message, description: e.description, itemIndex: e.context?.itemIndex };
	}
}

describe('parseRecipients', () => {
	test('comma, semicolon or line separated; trimmed; empty entries and duplicates left out', () => {
		expect(parseRecipients(' a@x.jp, b@x.jp;c@x.jp\nd@x.jp ,, a@x.jp ; ')).toEqual(['a@x.jp', 'b@x.jp', 'c@x.jp', 'd@x.jp']);
		expect(parseRecipients([' a@x.jp ', '', 'a@x.jp', 'b@x.jp'])).toEqual(['a@x.jp', 'b@x.jp']);
		expect(parseRecipients(['a@x.jp, b@x.jp'])).toEqual(['a@x.jp, b@x.jp']);
		expect(parseRecipients(undefined)).toEqual([]);
		expect(parseRecipients(42)).toEqual([]);
		expect(parseRecipients('')).toEqual([]);
	});
});

describe('checkRecipients', () => {
	test('a list of addresses passes, as text or as a list', () => {
		expect(checkRecipients(node, 'user1@example.com; user2@example.com', true, 0)).toEqual(['user1@example.com', 'user2@example.com']);
		expect(checkRecipients(node, ['山田@example.jp'], true, 0)).toEqual(['山田@example.jp']);
		// not required (mentions in a chat room): empty is fine
		expect(checkRecipients(node, '', false, 0)).toEqual([]);
		expect(checkRecipients(node, undefined, false, 0)).toEqual([]);
		expect(checkRecipients(node, null, false, 0)).toEqual([]);
	});

	test('exactly the limit of users passes; one more is refused', () => {
		const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);
		expect(LIMITS.recipients).toBe(100);
		expect(checkRecipients(node, users(100).join(','), true, 0)).toHaveLength(100);
		expect(refusal(() => checkRecipients(node, users(101), true, 4))).toEqual({
			message: '"Recipients" names 101 users, more than the 100 this node sends in one message (item 4)',
			description: 'Split the recipients over several items',
			itemIndex: 4,
		});
	});

	test('each refusal names the field (its own name when given) and the item, with a hint', () => {
		expect(refusal(() => checkRecipients(node, 5, true, 2))).toEqual({ message: '"Recipients" must be text or a list of texts, got number 5 (item 2)', description: undefined, itemIndex: 2 });
		expect(refusal(() => checkRecipients(node, { a: 1 }, false, 0, 'Mentions'))).toMatchObject({ message: '"Mentions" must be text or a list of texts, got an object (item 0)' });
		expect(refusal(() => checkRecipients(node, ['a@x.jp', 'b@x.jp', 7], true, 1))).toMatchObject({ message: '"Recipients" entry 3 must be an email address, got number 7 (item 1)' });
		expect(refusal(() => checkRecipients(node, [null], true, 1))).toMatchObject({ message: '"Recipients" entry 1 must be an email address, got null (item 1)' });
		expect(refusal(() => checkRecipients(node, ' ; ', true, 3))).toEqual({
			message: '"Recipients" is empty (item 3)',
			description: 'A direct message needs at least one user, e.g. "user1@example.com, user2@example.com"',
			itemIndex: 3,
		});
		expect(refusal(() => checkRecipients(node, [], true, 0))).toMatchObject({ message: '"Recipients" is empty (item 0)' });
		const hint = 'Separate several users with commas, e.g. "user1@example.com, user2@example.com"';
		for (const bad of ['user1', '@example.com', 'user1@', 'a@b@example.com', 'user 1@example.com']) {
			expect(refusal(() => checkRecipients(node, `ok@example.com, ${bad}`, true, 0))).toEqual({
				message: `"Recipients" holds "${bad}", which is not one email address (item 0)`,
				description: hint,
				itemIndex: 0,
			});
		}
		// a long entry is shown cut at 100 characters
		const long = `${'x'.repeat(150)}`;
		expect(refusal(() => checkRecipients(node, long, true, 0))?.message).toBe(`"Recipients" holds "${'x'.repeat(100)}", which is not one email address (item 0)`);
	});
});

describe('text, room name and other text fields', () => {
	test('a text is sent as typed (spaces and line breaks kept), up to 10,000 characters', () => {
		expect(checkText(node, '  two\nlines  ', 0)).toBe('  two\nlines  ');
		expect(checkText(node, 'x'.repeat(10_000), 0)).toHaveLength(10_000);
		expect(refusal(() => checkText(node, 'x'.repeat(10_001), 1))?.message).toBe(`"Text" is longer than 10000 characters (10001): "${'x'.repeat(40)}…" (item 1)`);
		expect(refusal(() => checkText(node, ' \n ', 2))).toEqual({ message: '"Text" is empty (item 2)', description: 'Give the message a text; use \\n for a line break', itemIndex: 2 });
	});

	test('a room name is trimmed, up to 255 characters, under its own field name', () => {
		expect(checkRoomName(node, '  Sales team ', 0)).toBe('Sales team');
		expect(checkRoomName(node, 'r'.repeat(255), 0)).toHaveLength(255);
		expect(refusal(() => checkRoomName(node, 'r'.repeat(256), 0))?.message).toMatch(/^"Chat Room Name" is longer than 255 characters \(256\)/);
		expect(refusal(() => checkRoomName(node, '', 3))).toEqual({
			message: '"Chat Room Name" is empty (item 3)',
			description: 'Give the name of the chat room, as shown in Chat&Messenger',
			itemIndex: 3,
		});
		expect(refusal(() => checkRoomName(node, ' ', 0, 'Room'))?.message).toBe('"Room" is empty (item 0)');
	});

	test('other text fields: 255 characters unless told otherwise', () => {
		expect(textField(node, ' id ', 'Chat Room ID', 0)).toBe('id');
		expect(refusal(() => textField(node, 'i'.repeat(256), 'Chat Room ID', 0))?.message).toMatch(/^"Chat Room ID" is longer than 255 characters/);
		expect(textField(node, 'i'.repeat(300), 'Note', 0, { max: 300 })).toHaveLength(300);
		expect(textField(node, '', 'Password', 0, { required: false })).toBe('');
	});
});
