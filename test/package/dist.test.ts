// The built package as n8n sees it: `npm test` builds before jest runs this.
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { builtinModules } from 'module';
import { PackageDirectoryLoader } from 'n8n-core';
import { basename, join, relative } from 'path';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

const iconFiles = (iconUrl: unknown): string[] => {
	const urls = typeof iconUrl === 'string' ? [iconUrl] : Object.values((iconUrl ?? {}) as Record<string, string>);
	return urls.map((url) => join(root, url.replace(`icons/${pkg.name}/`, '')));
};

describe('the built package', () => {
	beforeAll(() => {
		const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((file) => !existsSync(join(root, file)));
		if (missing.length) throw new Error(`Not built (missing ${missing.join(', ')}): run "npm run build" first`);
	});

	it("loads through n8n's package loader with every node, credential and icon", async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();

		expect(loader.packageName).toBe(pkg.name);
		expect(
			Object.keys(loader.known.nodes)
				.map((name) => loader.known.nodes[name].sourcePath)
				.sort(),
		).toEqual([...pkg.n8n.nodes].sort());
		expect(
			Object.values(loader.known.credentials)
				.map((c) => c.sourcePath)
				.sort(),
		).toEqual([...pkg.n8n.credentials].sort());
		for (const type of [...loader.types.nodes, ...loader.types.credentials]) {
			const files = iconFiles(type.iconUrl);
			expect({ type: type.name, icons: files.length }).toEqual({ type: type.name, icons: 2 });
			for (const file of files) expect(existsSync(file) ? file : `missing ${file}`).toBe(file);
		}
	});

	it("names this package and package.json's version in the built User-Agent", () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built file, as n8n loads it
		const built = require(join(root, 'dist/nodes/shared/version.js')) as { USER_AGENT: string };
		const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
		expect(built.USER_AGENT).toBe(`${pkg.name}/${version}`);
	});

	it('ships each node with its codex file', () => {
		for (const node of pkg.n8n.nodes) {
			const codex = join(root, node.replace(/\.js$/, '.json'));
			expect(JSON.parse(readFileSync(codex, 'utf8'))).toMatchObject({ node: expect.stringContaining(pkg.name) });
		}
	});

	it('exports the node and credential classes from index.js', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- index.js is the CommonJS entry under test
		const entry = require(join(root, 'index.js')) as { nodes: Record<string, unknown>; credentials: Record<string, unknown> };
		const classNames = (files: string[], suffix: string) => files.map((file) => basename(file, suffix)).sort();
		expect(Object.keys(entry.nodes).sort()).toEqual(classNames(pkg.n8n.nodes, '.node.js'));
		expect(Object.keys(entry.credentials).sort()).toEqual(classNames(pkg.n8n.credentials, '.credentials.js'));
		const Node = entry.nodes.InfiniReach as new () => { description: { name: string; usableAsTool?: boolean } };
		expect(new Node().description).toMatchObject({ name: 'infiniReach', usableAsTool: true });
	});

	it('requires nothing n8n does not provide: only its own files, Node built-ins and the peer n8n-workflow', () => {
		// n8n's scanner allows devDependencies in imports (they may be bundled), so it cannot see a
		// require of one that was not: n8n installs no devDependencies, and the node would fail to load.
		const files = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
			);
		const provided = (name: string) =>
			name.startsWith('./') ||
			name.startsWith('../') ||
			name.startsWith('node:') ||
			builtinModules.includes(name) ||
			name === 'n8n-workflow';
		const outside = files(join(root, 'dist')).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/\brequire\((['"])([^'"]+)\1\)/g)]
				.map((match) => match[2])
				.filter((name) => !provided(name))
				.map((name) => `${relative(root, file)} requires ${name}`),
		);
		expect(outside).toEqual([]);
	});

	it('checks numbers with the libphonenumber-js bundled into the build, with its "max" metadata', () => {
		const bundle = readFileSync(join(root, 'dist/nodes/shared/numbering-plan.js'), 'utf8');
		const { version } = JSON.parse(readFileSync(join(root, 'node_modules/libphonenumber-js/package.json'), 'utf8')) as { version: string };
		expect(bundle.startsWith(`/*! Bundles libphonenumber-js ${version}`)).toBe(true);
		for (const licence of ['LICENSE', 'LICENSE.Apache'])
			expect(existsSync(join(root, 'dist/licenses/libphonenumber-js', licence))).toBe(true);

		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built file under test
		const { normalizePhoneNumber } = require(join(root, 'dist/nodes/shared/phone.js')) as typeof import('../../nodes/shared/phone');
		expect(normalizePhoneNumber('(415) 555-0123', { defaultCountry: 'US' })).toBe('+14155550123');
		// A landline: the "mobile" metadata would refuse it.
		expect(normalizePhoneNumber('020 7946 0958', { defaultCountry: 'GB' })).toBe('+442079460958');
		// Not a number in use in Andorra, though of a length it uses: the "min" metadata would accept it.
		expect(() => normalizePhoneNumber('+376 110 772 41')).toThrow('no number of its country is in use with that prefix');
	});

	it('packs no declarations or source maps, and stays under 1 MB installed', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8' }),
		) as Array<{
			unpackedSize: number;
			files: Array<{ path: string }>;
		}>;
		const paths = packed.files.map((file) => file.path);
		expect(paths.filter((path) => /\.(d\.ts|map)$/.test(path))).toEqual([]);
		expect(paths).toEqual(
			expect.arrayContaining(['dist/nodes/shared/numbering-plan.js', 'dist/licenses/libphonenumber-js/LICENSE', 'LICENSE', 'README.md']),
		);
		expect(packed.unpackedSize).toBeLessThan(1_000_000);
	});
});
