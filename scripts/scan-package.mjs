// n8n's verification scan of this package, run the way @n8n/scan-community-package runs it:
// its exported `analyzePackage` with its own ESLint configuration (inline eslint-disable comments
// are ignored), first on the sources with its SOURCE_FILE_PATTERNS, then on the unpacked
// `npm pack` tarball with its default patterns. Exits 1 on any violation.
// (npm provenance, the scanner's other check, needs a publish and is not run here.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
	return result.stdout;
}

function report(leg, result) {
	console.log(`${result.passed ? 'passed' : 'FAILED'}: ${leg}${result.message ? ` (${result.message})` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

const work = mkdtempSync(path.join(tmpdir(), 'scan-package-'));
try {
	const sources = report('sources', await analyzePackage(root, SOURCE_FILE_PATTERNS));

	run('npm', ['pack', '--silent', '--pack-destination', work], root);
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	const unpacked = path.join(work, 'package');
	run('tar', ['-xzf', tarball], work);
	const packed = report(`packed tarball ${tarball}`, await analyzePackage(unpacked));

	process.exitCode = sources && packed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
