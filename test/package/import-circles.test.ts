// No import circle in the package's code: each file can be read (and loaded) after the files it imports.
// Type-only imports count too: a circle of types is a circle of concerns.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve } from 'path';

const root = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The files `file` imports or re-exports by a relative path. */
function relativeImports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'/gm)].map((match) => match[1]);
	return specifiers.flatMap((specifier) => {
		const target = resolve(dirname(file), specifier);
		return [`${target}.ts`, join(target, 'index.ts')];
	});
}

/** Every circle among the files under `dirs`, each as the files it passes through, the first one again last. */
function importCircles(dirs: string[]): string[][] {
	const files = dirs.flatMap(sourceFiles);
	const known = new Set(files);
	const edges = new Map(files.map((file) => [file, relativeImports(file).filter((target) => known.has(target))]));
	const circles: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		path.push(file);
		for (const target of edges.get(file) ?? []) {
			if (state.get(target) === 'open') circles.push([...path.slice(path.indexOf(target)), target]);
			else if (!state.has(target)) visit(target);
		}
		path.pop();
		state.set(file, 'done');
	};
	for (const file of files) if (!state.has(file)) visit(file);
	return circles;
}

describe('imports', () => {
	it('form no circle in nodes/ and credentials/', () => {
		const circles = importCircles([join(root, 'nodes'), join(root, 'credentials')]);
		expect(circles.map((circle) => circle.map((file) => relative(root, file)).join(' → '))).toEqual([]);
	});

	it('are read so that a circle is found, type-only and re-exports included', () => {
		const dir = mkdtempSync(join(tmpdir(), 'import-circles-'));
		try {
			writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
			writeFileSync(join(dir, 'b.ts'), "import type {\n\tC,\n} from './c';\nexport const b: C = 1;\n");
			writeFileSync(join(dir, 'c.ts'), "export { a as C } from './a';\n");
			writeFileSync(join(dir, 'd.ts'), "import { a } from './a';\nimport { e } from './e';\nexport const d = a + e;\n");
			mkdirSync(join(dir, 'e'));
			writeFileSync(join(dir, 'e/index.ts'), "import { d } from '../d';\nexport const e = d;\n");
			expect(importCircles([dir]).map((circle) => circle.map((file) => relative(dir, file)))).toEqual([
				['a.ts', 'b.ts', 'c.ts', 'a.ts'],
				['d.ts', 'e/index.ts', 'd.ts'],
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
