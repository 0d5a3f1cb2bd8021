// `npm run scan`: n8n's verification scanner (@n8n/scan-community-package, pinned in devDependencies),
// offline, on the two legs n8n scans: the source, and the tarball `npm pack` makes of the built package.
// n8n fetches both from npm and GitHub; here they come from this checkout. Exit code 1 on any finding.
//
//   node test/package/scan.mjs                      both legs of this checkout (build first)
//   node test/package/scan.mjs --source DIR         the source leg of DIR
//   node test/package/scan.mjs --tarball FILE.tgz   the tarball leg of a packed package
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

/** What n8n lints of the tarball (`analyzePackageByName` in the scanner, which does not export it). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));

function pack(dir) {
	const out = join(work, 'packed');
	mkdirSync(out);
	const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: dir, encoding: 'utf8' }));
	return join(out, filename);
}

function unpack(tarball) {
	const dir = join(work, 'unpacked');
	mkdirSync(dir);
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	return dir;
}

function legsFrom(args) {
	if (args.length === 0)
		return [
			{ name: 'source', dir: root },
			{ name: 'tarball', tarball: () => pack(root) },
		];
	const legs = [];
	for (let i = 0; i < args.length; i += 2) {
		const [flag, value] = [args[i], args[i + 1]];
		if (flag === '--source' && value) legs.push({ name: 'source', dir: resolve(value) });
		else if (flag === '--tarball' && value) legs.push({ name: 'tarball', tarball: () => resolve(value) });
		else throw new Error(`Unknown argument "${flag}": use --source DIR or --tarball FILE.tgz`);
	}
	return legs;
}

let failed = false;
try {
	for (const leg of legsFrom(process.argv.slice(2))) {
		const tarball = leg.dir ? undefined : leg.tarball();
		const dir = leg.dir ?? unpack(tarball);
		const result = await analyzePackage(dir, leg.name === 'source' ? SOURCE_FILE_PATTERNS : TARBALL_FILE_PATTERNS);
		if (result.passed) {
			console.log(`✅ ${leg.name}: no findings in ${tarball ? basename(tarball) : dir}`);
		} else {
			failed = true;
			console.log(`❌ ${leg.name}: ${result.message}${result.details ?? ''}`);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
