import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { kindOf, textInput } from '../../shared/textInput';

/**
 * Local limits of this package (no Chat&Messenger document gives any): a message text of at most
 * 10,000 characters, at most 100 users per message, names and IDs of at most 255 characters.
 */
export const LIMITS = { text: 10_000, recipients: 100, name: 255 };

/** A text field, with this node's default limit for names and IDs. */
export function textField(
	node: INode,
	raw: unknown,
	field: string,
	itemIndex: number,
	options: { required?: boolean; max?: number; keep?: boolean; hint?: string; secret?: boolean } = {},
): string {
	return textInput(node, raw, field, itemIndex, { max: LIMITS.name, ...options });
}

/** The list of user addresses in "Recipients": comma, semicolon or line separated, trimmed, no duplicates. */
export function parseRecipients(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw.map((v) => String(v)) : typeof raw === 'string' ? raw.split(/[,;\n]/) : [];
	return [...new Set(list.map((v) => v.trim()).filter((v) => v !== ''))];
}

const ADDRESS = /^[^\s@,;]+@[^\s@,;]+$/;

/**
 * Refuses a recipient list that is not text (or a list of texts), is empty (when required), holds an
 * entry that is not one email address, or names more users than `LIMITS.recipients`.
 */
export function checkRecipients(node: INode, raw: unknown, required: boolean, itemIndex: number, field = 'Recipients'): string[] {
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && !Array.isArray(raw)) {
		throw inputError(node, `"${field}" must be text or a list of texts, got ${kindOf(raw)}`, itemIndex);
	}
	if (Array.isArray(raw)) {
		const position = raw.findIndex((entry) => typeof entry !== 'string');
		if (position !== -1) {
			throw inputError(node, `"${field}" entry ${position + 1} must be an email address, got ${kindOf(raw[position])}`, itemIndex);
		}
	}
	const users = parseRecipients(raw);
	if (required && users.length === 0) {
		throw inputError(node, `"${field}" is empty`, itemIndex, 'A direct message needs at least one user, e.g. "user1@example.com, user2@example.com"');
	}
	const bad = users.find((u) => !ADDRESS.test(u));
	if (bad !== undefined) {
		throw inputError(
			node,
			`"${field}" holds "${bad.slice(0, 100)}", which is not one email address`,
			itemIndex,
			'Separate several users with commas, e.g. "user1@example.com, user2@example.com"',
		);
	}
	if (users.length > LIMITS.recipients) {
		throw inputError(node, `"${field}" names ${users.length} users, more than the ${LIMITS.recipients} this node sends in one message`, itemIndex, 'Split the recipients over several items');
	}
	return users;
}

/** Refuses an empty or over-long message text; the text itself is sent as typed. */
export function checkText(node: INode, raw: unknown, itemIndex: number): string {
	return textField(node, raw, 'Text', itemIndex, { max: LIMITS.text, keep: true, hint: 'Give the message a text; use \\n for a line break' });
}

/** Refuses an empty chat room name. */
export function checkRoomName(node: INode, raw: unknown, itemIndex: number, field = 'Chat Room Name'): string {
	return textField(node, raw, field, itemIndex, { hint: 'Give the name of the chat room, as shown in Chat&Messenger' });
}
