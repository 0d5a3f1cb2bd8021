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
};
