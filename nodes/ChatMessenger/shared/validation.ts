import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

/** The list of user addresses in "Recipients": comma, semicolon or line separated, trimmed, no duplicates. */
export function parseRecipients(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw.map((v) => String(v)) : typeof raw === 'string' ? raw.split(/[,;\n]/) : [];
	return [...new Set(list.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Refuses a recipient list that is empty (when required) or holds an entry with spaces inside. */
export function checkRecipients(node: INode, raw: unknown, required: boolean, itemIndex: number, field = 'Recipients'): string[] {
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && !Array.isArray(raw)) {
		throw inputError(node, `"${field}" must be text or a list, got ${typeof raw}`, itemIndex);
	}
	const users = parseRecipients(raw);
	if (required && users.length === 0) {
		throw inputError(node, `"${field}" is empty`, itemIndex, 'A direct message needs at least one user, e.g. "user1@example.com, user2@example.com"');
	}
	const bad = users.find((u) => /\s/.test(u));
	if (bad !== undefined) {
		throw inputError(
			node,
			`"${field}" holds "${bad.slice(0, 100)}", which is not one user address`,
			itemIndex,
			'Separate several users with commas, e.g. "user1@example.com, user2@example.com"',
		);
	}
	return users;
}

/** Refuses an empty message text; the text itself is sent as typed. */
export function checkText(node: INode, raw: unknown, itemIndex: number): string {
	const text = typeof raw === 'number' ? String(raw) : raw;
	if (typeof text !== 'string' || text.trim() === '') {
		throw inputError(node, '"Text" is empty', itemIndex, 'Give the message a text; use \\n for a line break');
	}
	return text;
}

/** Refuses an empty chat room name. */
export function checkRoomName(node: INode, raw: unknown, itemIndex: number, field = 'Chat Room Name'): string {
	const name = typeof raw === 'string' ? raw.trim() : '';
	if (!name) {
		throw inputError(node, `"${field}" is empty`, itemIndex, 'Give the name of the chat room, as shown in Chat&Messenger');
	}
	return name;
}
