// The action nodes as AI agent tools. n8n's editor lets the model fill ("Let the model define this
// parameter") any field but a dropdown: a required field that only loads its options from the API
// would leave an agent stuck, so in the version n8n adds today none may be shown.
import type { INodeParameters, INodeProperties, INodeType, NodeParameterValue } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- index.js is the CommonJS entry
const entry = require('../../index.js') as { nodes: Record<string, new () => INodeType> };

const nodes = Object.entries(entry.nodes).map(([name, Type]) => ({ name, description: new Type().description }));
const actions = nodes.filter(({ name }) => !name.endsWith('Trigger'));
const latest = (version: number | number[]) => (Array.isArray(version) ? Math.max(...version) : version);

/** The parameters under which a property's own display conditions (but @version) hold. */
function parametersShowing(property: INodeProperties): INodeParameters {
	const show = property.displayOptions?.show ?? {};
	return Object.fromEntries(
		Object.entries(show)
			.filter(([name]) => name !== '@version')
			.map(([name, values]) => [name, (values as NodeParameterValue[])[0]]),
	);
}

describe('the action nodes as AI agent tools', () => {
	it('are usable as tools, and the triggers are not', () => {
		expect(actions.map(({ name }) => name).sort()).toEqual(['InfiniReach', 'Infobip', 'Infopromo', 'TxtCoop', 'WhatsInfinity']);
		for (const { name, description } of nodes) {
			expect({ name, usableAsTool: description.usableAsTool === true }).toEqual({ name, usableAsTool: !name.endsWith('Trigger') });
		}
	});

	it.each(actions.map(({ name, description }) => [name, description] as const))(
		'%s shows no field that only loads its options from the API in its latest version',
		(_name, description) => {
			const typeVersion = description.defaultVersion ?? latest(description.version);
			const listOnly = description.properties.filter(
				(property) =>
					(property.type === 'options' || property.type === 'multiOptions') &&
					(property.typeOptions?.loadOptionsMethod !== undefined || property.typeOptions?.loadOptions !== undefined) &&
					NodeHelpers.displayParameter(parametersShowing(property), property, { typeVersion }, description),
			);
			expect(listOnly.map((property) => property.name)).toEqual([]);
		},
	);

	it.each(actions.map(({ name, description }) => [name, description] as const))(
		'%s describes every top-level field an agent fills',
		(_name, description) => {
			const undescribed = description.properties.filter(
				(property) =>
					!['resource', 'operation'].includes(property.name) &&
					!['notice', 'collection', 'fixedCollection'].includes(property.type) &&
					!property.description &&
					!property.hint,
			);
			expect(undescribed.map((property) => property.name)).toEqual([]);
		},
	);
});
