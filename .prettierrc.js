// The formatting of n8n's node starter (n8n-nodes-starter), but for the line length: 140 keeps the
// descriptions of node fields, which are long by nature, on one line each.
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 140,
	// npm writes package.json (npm version, npm install --save) and its lockfile with the indentation it
	// finds in package.json: two spaces keep the committed lockfile as a clean clone's npm install leaves it.
	overrides: [{ files: ['./package.json'], options: { useTabs: false, tabWidth: 2 } }],
};
