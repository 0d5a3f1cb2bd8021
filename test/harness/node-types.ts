import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

/** The node types a test workflow may use, by the names a real install gives them. */
export class TestNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType>();

	constructor(types: Record<string, INodeType>) {
		for (const [name, type] of Object.entries(types)) this.byName.set(name, type);
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(name);
	}

	getByNameAndVersion(name: string): INodeType {
		const type = this.byName.get(name);
		if (!type) throw new Error(`Unknown node type "${name}"`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}
