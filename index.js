'use strict';
// The package's programmatic entry: its node and credential classes, from the build in dist/.
// n8n itself loads them through the "n8n" section of package.json.
const { n8n } = require('./package.json');

const load = (file) => {
	const exported = require(`./${file}`);
	return Object.values(exported).find((value) => typeof value === 'function');
};

const byName = (files) =>
	Object.fromEntries(
		files.map((file) => {
			const type = load(file);
			return [type.name, type];
		}),
	);

module.exports = {
	nodes: byName(n8n.nodes),
	credentials: byName(n8n.credentials),
};
