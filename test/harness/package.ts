/**
 * Loads the nodes and credentials exactly as package.json's "n8n" section lists them (from the
 * TypeScript sources, so tests need no build), checking on the way what n8n's loader checks: each
 * file exports a class named like the file.
 */
import path from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require(path.join(root, 'package.json')) as { n8n: { nodes: string[]; credentials: string[] } };

function loadClass<T>(distPath: string): T {
	const source = path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const className = path.basename(distPath).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(source) as Record<string, new () => T>;
	const Class = exported[className];
	if (typeof Class !== 'function') throw new Error(`${source} does not export a class named ${className}`);
	return new Class();
}

export function packageNodeTypes(prefix: string): Record<string, INodeType> {
	const out: Record<string, INodeType> = {};
	for (const file of manifest.n8n.nodes) {
		const node = loadClass<INodeType>(file);
		out[prefix + node.description.name] = node;
	}
	return out;
}

export function packageCredentialTypes(): ICredentialType[] {
	return manifest.n8n.credentials.map((file) => loadClass<ICredentialType>(file));
}
