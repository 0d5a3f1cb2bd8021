// `npm run scan` must be able to fail: a package with the findings this one once had fails both legs.
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

const SCAN = join(__dirname, 'scan.mjs');

const manifest = {
	name: 'n8n-nodes-fixture',
	version: '0.1.0',
	description: 'A community package with findings',
	license: 'MIT',
	keywords: ['n8n-community-node-package'],
	n8n: { n8nNodesApiVersion: 1, credentials: ['dist/credentials/FixtureApi.credentials.js'], nodes: [] },
	dependencies: { 'left-pad': '1.3.0' },
	peerDependencies: { 'n8n-workflow': '*' },
};

const credential = `import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import leftPad from 'left-pad';

export class FixtureApi implements ICredentialType {
	name = 'fixtureApi';
	displayName = 'fixture API';
	documentationUrl = 'https://example.com/' + leftPad('docs', 4);
	properties: INodeProperties[] = [];
}
`;

function write(root: string, files: Record<string, string>) {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
}

describe('npm run scan', () => {
	let work: string;
	beforeAll(() => {
		work = mkdtempSync(join(tmpdir(), 'scan-fixture-'));
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it("reports each leg's findings and exits 1", () => {
		const source = join(work, 'source');
		write(source, { 'package.json': JSON.stringify(manifest, null, 2), 'credentials/FixtureApi.credentials.ts': credential });
		const packed = join(work, 'packed');
		write(packed, {
			'package/package.json': JSON.stringify(manifest, null, 2),
			'package/dist/credentials/FixtureApi.credentials.js': `"use strict";\nconst leftPad = require("left-pad");\nexports.pad = leftPad;\n`,
		});
		const tarball = join(work, 'fixture.tgz');
		expect(spawnSync('tar', ['-czf', tarball, '-C', packed, 'package']).status).toBe(0);

		const scan = spawnSync(process.execPath, [SCAN, '--source', source, '--tarball', tarball], { encoding: 'utf8' });

		expect(scan.status).toBe(1);
		const [sourceReport, tarballReport] = scan.stdout.split(/^(?=❌ tarball)/m);
		expect(sourceReport).toMatch(/^❌ source: ESLint violations found/);
		for (const rule of ['no-runtime-dependencies', 'no-restricted-imports', 'cred-class-field-display-name-miscased']) {
			expect(sourceReport).toContain(rule);
		}
		expect(tarballReport).toMatch(/^❌ tarball: ESLint violations found/);
		expect(tarballReport).toContain("Require of 'left-pad' is not allowed");
		expect(tarballReport).toContain('no-runtime-dependencies');
	});

	it('refuses an argument it does not know', () => {
		const scan = spawnSync(process.execPath, [SCAN, '--everything'], { encoding: 'utf8' });
		expect(scan.status).not.toBe(0);
		expect(scan.stderr).toContain('Unknown argument "--everything": use --source DIR or --tarball FILE.tgz');
	});
});
