import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { clock } from '../../nodes/shared/clock';

type GenericPlace = 'headers' | 'qs' | 'body' | 'auth';

/** A request as it left a node: n8n authenticates each one right before sending it. */
export interface Departure {
	/** The package clock's time (the fake clock's, in pacing tests). */
	at: number;
	method: string;
	url: string;
}

/**
 * Hands nodes the credentials a test gives, and applies each credential type's `authenticate`
 * — including the declarative `{ type: 'generic' }` form — as n8n's server does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly reads = new Map<string, number>(),
		private readonly departures: Departure[] = [],
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName);
		const options = requestOptions as IHttpRequestOptions;
		// Arrival times at a mock are no measure when items are in flight together: a fake wait of
		// one item moves the clock before another's request is answered. This is when it leaves.
		this.departures.push({ at: clock.now(), method: String(options.method ?? 'GET'), url: String(options.url) });
		const auth = type?.authenticate;
		if (!auth) return options;
		if (typeof auth === 'function') return await auth(credentials, options);
		const resolve = (value: unknown) =>
			workflow && node && typeof value === 'string'
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials })
				: value;
		for (const place of Object.keys(auth.properties) as GenericPlace[]) {
			const values = auth.properties[place] as Record<string, unknown>;
			const target = ((options as unknown as Record<string, Record<string, unknown>>)[place] ??= {});
			for (const [key, value] of Object.entries(values)) target[key] = resolve(value);
		}
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by these tests');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const found = this.data[type];
		this.reads.set(type, (this.reads.get(type) ?? 0) + 1);
		if (!found) throw new Error(`The test gave no credentials of type "${type}"`);
		// Fill defaults the way n8n does for fields left out.
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.types.get(type)?.properties ?? []) {
			defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return { ...defaults, ...found };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}
}
