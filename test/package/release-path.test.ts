// The release path as CONTRIBUTING.md gives it, run locally on a copy of this checkout: `npm version
// patch`, build, the tests that read the version, `npm pack`, then the tarball installed as n8n installs a
// community package and loaded by n8n's own package loader. Each step fails the test if it breaks.
import { execFileSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { PackageDirectoryLoader } from 'n8n-core';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

jest.setTimeout(5 * 60_000);

const root = join(__dirname, '../..');
const PACKAGE = 'n8n-nodes-message-gateways';

/** A git identity for the copy's commits and tag, wherever this runs (CI has none configured). */
const gitEnv = {
	...process.env,
	GIT_AUTHOR_NAME: 'release-path test',
	GIT_AUTHOR_EMAIL: 'release-path@example.com',
	GIT_COMMITTER_NAME: 'release-path test',
	GIT_COMMITTER_EMAIL: 'release-path@example.com',
};

const run = (command: string, args: string[], cwd: string): string =>
	execFileSync(command, args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the release path', () => {
	let work: string;
	let clone: string;

	beforeAll(() => {
		work = mkdtempSync(join(tmpdir(), 'release-path-'));
		clone = join(work, 'clone');
		// What is on disk, committed or not, minus what git ignores: a clean clone of this work tree.
		const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root).split('\0').filter(Boolean);
		for (const file of files) {
			mkdirSync(dirname(join(clone, file)), { recursive: true });
			try {
				cpSync(join(root, file), join(clone, file));
			} catch (error) {
				// A file deleted but not yet staged is listed and absent: a clone would not have it either.
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		}
		symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
		run('git', ['init', '--quiet', '--initial-branch=main'], clone);
		run('git', ['add', '--all'], clone);
		run('git', ['commit', '--quiet', '--no-verify', '-m', 'the work tree'], clone);
	});

	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('bumps, builds, tests, packs, installs and loads in n8n with the new version everywhere', async () => {
		const before = (JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { version: string }).version;
		const [major, minor, patch] = before.split('.').map(Number);
		const next = `${major}.${minor}.${patch + 1}`;

		expect(run('npm', ['version', 'patch'], clone).trim()).toBe(`v${next}`);
		expect(run('git', ['tag', '--list'], clone).trim()).toBe(`v${next}`);
		expect(run('git', ['status', '--porcelain'], clone)).toBe('');

		run('npm', ['run', 'build'], clone);
		// The tests that read the version: the built User-Agent and the package n8n loads.
		run(join(root, 'node_modules/.bin/jest'), ['test/package/dist.test.ts'], clone);

		const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], clone)) as Array<{
			filename: string;
			version: string;
		}>;
		expect(packed.map((entry) => [entry.filename, entry.version])).toEqual([[`${PACKAGE}-${next}.tgz`, next]]);

		// As n8n installs a community package: into its user folder's nodes/, without dev or peer dependencies.
		const nodes = join(work, 'user/.n8n/nodes');
		mkdirSync(nodes, { recursive: true });
		writeFileSync(join(nodes, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		run(
			'npm',
			['install', '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--loglevel=error', join(work, packed[0].filename)],
			nodes,
		);
		const installed = join(nodes, 'node_modules', PACKAGE);
		// n8n hands its community packages its own n8n-workflow, the one peer dependency; nothing else.
		mkdirSync(join(work, 'node_modules'));
		symlinkSync(join(root, 'node_modules/n8n-workflow'), join(work, 'node_modules/n8n-workflow'), 'dir');

		const loader = new PackageDirectoryLoader(installed);
		await loader.loadAll();
		expect([loader.packageName, loader.packageJson.version]).toEqual([PACKAGE, next]);
		expect(loader.types.nodes.map((node) => node.name)).toContain('infiniReach');
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed build, as n8n runs it
		const { USER_AGENT } = require(join(installed, 'dist/nodes/shared/version.js')) as { USER_AGENT: string };
		expect(USER_AGENT).toBe(`${PACKAGE}/${next}`);
	});
});
