// Copies what tsc does not next to the compiled nodes and credentials: the SVG icons (n8n resolves
// `file:` icons relative to the compiled .js) and the nodes' codex .node.json files.
const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	),
);
