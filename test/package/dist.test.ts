// The built package as n8n sees it: `npm test` builds before jest runs this.
import { existsSync, readFileSync } from 'fs';
import { PackageDirectoryLoader } from 'n8n-core';
import { basename, join } from 'path';

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
		expect(Object.keys(loader.known.nodes).map((name) => loader.known.nodes[name].sourcePath).sort()).toEqual(
			[...pkg.n8n.nodes].sort(),
		);
		expect(Object.values(loader.known.credentials).map((c) => c.sourcePath).sort()).toEqual(
			[...pkg.n8n.credentials].sort(),
		);
		for (const type of [...loader.types.nodes, ...loader.types.credentials]) {
			const files = iconFiles(type.iconUrl);
			expect({ type: type.name, icons: files.length }).toEqual({ type: type.name, icons: 2 });
			for (const file of files) expect(existsSync(file) ? file : `missing ${file}`).toBe(file);
		}
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
});
