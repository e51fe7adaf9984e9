/**
 * A text field as a user means it: what is accepted and how, and the exact refusal for each kind of
 * bad value, naming the field and the item (and never showing a secret).
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { kindOf, textInput } from '../../nodes/shared/textInput';

const node: INode = { id: '1', name: 'Service', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

function refusal(run: () => unknown): { message: string; description?: string | null; itemIndex?: number } {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		const e = error as NodeOperationError;
		return { message: e.message, description: e.description, itemIndex: e.context.itemIndex as number };
	}
	throw new Error('nothing was refused');
}

describe('kindOf', () => {
	test.each([
		[['a'], 'a list'],
		[null, 'null'],
		[{ a: 1 }, 'an object'],
		[true, 'boolean true'],
		[12, 'number 12'],
		[Number.NaN, 'number NaN'],
		[Number.POSITIVE_INFINITY, 'number Infinity'],
		['x', 'string "x"'],
		[undefined, 'undefined undefined'],
	])('%p is %s', (value, kind) => {
		expect(kindOf(value)).toBe(kind);
	});
});

describe('textInput', () => {
	test('text is trimmed; a number is taken as its digits; spaces kept with keep', () => {
		expect(textInput(node, '  Weekly sync \n', 'Name', 0, { max: 20 })).toBe('Weekly sync');
		expect(textInput(node, 8000000, 'Number', 0, { max: 20 })).toBe('8000000');
		expect(textInput(node, '  a b  ', 'Text', 0, { max: 20, keep: true })).toBe('  a b  ');
	});

	test('empty, spaces only, null or absent: refused when required (the default), empty text otherwise', () => {
		for (const raw of ['', '   ', null, undefined]) {
			expect(refusal(() => textInput(node, raw, 'Name', 2, { max: 20, hint: 'Give the room a name' }))).toEqual({
				message: '"Name" is empty (item 2)',
				description: 'Give the room a name',
				itemIndex: 2,
			});
			expect(textInput(node, raw, 'Name', 2, { max: 20, required: false })).toBe('');
		}
		expect(textInput(node, '   ', 'Text', 0, { max: 20, required: false, keep: true })).toBe('   ');
		expect(refusal(() => textInput(node, '   ', 'Text', 1, { max: 20, keep: true })).message).toBe('"Text" is empty (item 1)');
	});

	test('an object, a list or a boolean is refused with what it is', () => {
		expect(refusal(() => textInput(node, { id: 1 }, 'Name', 4, { max: 20, hint: 'Map a text field' }))).toEqual({
			message: '"Name" must be text, got an object (item 4)',
			description: 'Map a text field',
			itemIndex: 4,
		});
		expect(refusal(() => textInput(node, ['a'], 'Name', 0, { max: 20 })).message).toBe('"Name" must be text, got a list (item 0)');
		expect(refusal(() => textInput(node, false, 'Name', 0, { max: 20 })).message).toBe('"Name" must be text, got boolean false (item 0)');
	});

	test('a number that is not finite is refused, never sent as "NaN" or "Infinity"', () => {
		expect(refusal(() => textInput(node, Number.NaN, 'Number', 3, { max: 20 })).message).toBe('"Number" must be text, got number NaN (item 3)');
		expect(refusal(() => textInput(node, Number.NEGATIVE_INFINITY, 'Number', 0, { max: 20, required: false })).message).toBe(
			'"Number" must be text, got number -Infinity (item 0)',
		);
		expect(refusal(() => textInput(node, Number.NaN, 'PIN', 0, { max: 20, secret: true })).message).toBe('"PIN" must be text, got number (item 0)');
	});

	test('the length limit: at the limit accepted, one more refused with the length and the start of the value', () => {
		expect(textInput(node, 'x'.repeat(50), 'Name', 0, { max: 50 })).toBe('x'.repeat(50));
		const long = refusal(() => textInput(node, 'y'.repeat(51), 'Name', 1, { max: 50, hint: 'not shown for a length' }));
		expect(long.message).toBe(`"Name" is longer than 50 characters (51): "${'y'.repeat(40)}…" (item 1)`);
		expect(long.description).toBeFalsy();
		// the limit counts the trimmed text, or the text as given with keep
		expect(textInput(node, `  ${'x'.repeat(50)}  `, 'Name', 0, { max: 50 })).toBe('x'.repeat(50));
		expect(refusal(() => textInput(node, ` ${'x'.repeat(50)}`, 'Name', 0, { max: 50, keep: true })).message).toMatch(/^"Name" is longer than 50 characters \(51\)/);
	});

	test('a secret is never shown: its kind only, and no value when too long', () => {
		expect(refusal(() => textInput(node, { key: 'abc' }, 'API Key', 0, { max: 20, secret: true })).message).toBe('"API Key" must be text, got an object (item 0)');
		expect(refusal(() => textInput(node, ['abc'], 'API Key', 0, { max: 20, secret: true })).message).toBe('"API Key" must be text, got a list (item 0)');
		expect(refusal(() => textInput(node, true, 'API Key', 0, { max: 20, secret: true })).message).toBe('"API Key" must be text, got boolean (item 0)');
		const long = refusal(() => textInput(node, 'k'.repeat(30), 'API Key', 0, { max: 20, secret: true }));
		expect(long.message).toBe('"API Key" is longer than 20 characters (30) (item 0)');
		expect(long.message).not.toContain('kkk');
	});

	test('works with an execute context as well as a node', () => {
		const ctx = { getNode: () => node };
		expect(refusal(() => textInput(ctx, '', 'Name', 7, { max: 5 })).message).toBe('"Name" is empty (item 7)');
	});
});
