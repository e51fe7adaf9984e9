/**
 * Each provider's routingNode.test.ts compares every declared operation of its node in both engines
 * and fails when one has no case. This makes sure no node of the package is left without such a
 * suite: every node that declares operations is the `node` of a file that runs `differentialSuite`.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { declaredOperations } from '../harness/differential';
import { packageNodeTypes } from '../harness/package';

function suiteNodes(): string[] {
	const root = path.join(__dirname, '..');
	const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('routingNode.test.ts'));
	return files
		.map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
		.filter((text) => text.includes('differentialSuite(target, cases)'))
		.flatMap((text) => [...text.matchAll(/^const node = new (\w+)\(\);$/gm)].map((m) => m[1]));
}

test('every node that declares operations has a differential suite', () => {
	const declaring = Object.values(packageNodeTypes(''))
		.filter((node: INodeType) => declaredOperations(node).length > 0)
		.map((node) => node.constructor.name);
	expect(declaring.length).toBeGreaterThanOrEqual(5);
	expect(declaring.filter((name) => !suiteNodes().includes(name))).toEqual([]);
});
