// What tsc does not do, run after it by `npm run build`:
// - copies the SVG icons (n8n resolves `file:` icons relative to the compiled .js) and the nodes'
//   codex .node.json files next to the compiled nodes and credentials;
// - writes package.json's version into the built User-Agent, so `npm version` is the only step of a release;
// - bundles libphonenumber-js into the one file that imports it (nodes/shared/numbering-plan.ts), since
//   n8n's verification allows a community package no runtime dependencies, and ships its licences.
const fs = require('fs');
const path = require('path');
const { parallel, task, src, dest } = require('gulp');

/** Source files whose packages are bundled in: each replaces tsc's output of the same name. */
const BUNDLED = [{ entry: 'nodes/shared/numbering-plan.ts', packageName: 'libphonenumber-js' }];

task('build:icons', () =>
	src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest(path.resolve('dist'))),
);

task('build:bundle', () => {
	const esbuild = require('esbuild');
	return Promise.all(
		BUNDLED.map(({ entry, packageName }) => {
			const { version } = require(`${packageName}/package.json`);
			return esbuild.build({
				entryPoints: [path.resolve(entry)],
				outfile: path.resolve('dist', entry.replace(/\.ts$/, '.js')),
				allowOverwrite: true,
				bundle: true,
				platform: 'node',
				format: 'cjs',
				target: 'node20',
				logLevel: 'warning',
				banner: {
					js: `/*! Bundles ${packageName} ${version}: its licences are in dist/licenses/${packageName}/ */`,
				},
			});
		}),
	);
});

task('build:licenses', () =>
	src(
		BUNDLED.map(({ packageName }) => `node_modules/${packageName}/LICENSE*`),
		{ base: 'node_modules' },
	).pipe(dest(path.resolve('dist/licenses'))),
);

task('build:version', async () => {
	const file = path.resolve('dist/nodes/shared/version.js');
	const placeholder = "'0.0.0-source'";
	const built = fs.readFileSync(file, 'utf8');
	if (!built.includes(placeholder)) throw new Error(`${file} has no ${placeholder} to replace: see nodes/shared/version.ts`);
	const { version } = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8'));
	fs.writeFileSync(file, built.replace(placeholder, JSON.stringify(version)));
});

task('build', parallel('build:icons', 'build:bundle', 'build:licenses', 'build:version'));
