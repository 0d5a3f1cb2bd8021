import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { PhoneOptions } from './phone';

/** "Return All" and "Limit", the n8n way, for a list operation (wrapped by its updateDisplayOptions). */
export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/**
 * Options every webhook trigger offers for its signature, for gateways that leave the exact
 * scheme undocumented.
 */
// Read before the signature is checked, when no expression may run: hence no expressions in them.
export function signatureOptions(defaultHeader: string): INodeProperties {
	return {
		displayName: 'Signature Options',
		name: 'signature',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Algorithm',
				name: 'algorithm',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'HMAC-MD5', value: 'md5' },
					{ name: 'HMAC-SHA1', value: 'sha1' },
					{ name: 'HMAC-SHA256', value: 'sha256' },
					{ name: 'HMAC-SHA384', value: 'sha384' },
					{ name: 'HMAC-SHA512', value: 'sha512' },
				],
				default: 'sha256',
				description: 'Hash the gateway signs the raw request body with',
			},
			{
				displayName: 'Encoding',
				name: 'encoding',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Hex', value: 'hex' },
					{ name: 'Base64', value: 'base64' },
				],
				default: 'hex',
				description: 'How the signature is written in the header',
			},
			{
				displayName: 'Header Name',
				name: 'header',
				type: 'string',
				noDataExpression: true,
				default: defaultHeader,
				description: 'Request header that carries the signature',
			},
			{
				displayName: 'Timestamp Header',
				name: 'timestampHeader',
				type: 'string',
				noDataExpression: true,
				default: '',
				description:
					'If the gateway signs "timestamp.body", the header that carries the timestamp. Leave empty when it signs the body alone.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				noDataExpression: true,
				typeOptions: { minValue: 1 },
				default: 300,
				description: 'How old or new a signed timestamp may be before the request is refused',
			},
		],
	};
}

/** The "Options" collection of an operation: what most users leave alone. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	// In alphabetical order, as n8n's editor lists a collection's options.
	const sorted = [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: sorted };
}

/** The "Default Country" option of every send that takes phone numbers. */
export function defaultCountryOption(): INodeProperties {
	return {
		displayName: 'Default Country',
		name: 'defaultCountry',
		type: 'string',
		default: '',
		placeholder: 'US',
		description: 'Two-letter ISO country code used for recipients written without a country code',
	};
}

/** The "Skip Number Validation" option of every send that takes phone numbers. */
export function skipValidationOption(): INodeProperties {
	return {
		displayName: 'Skip Number Validation',
		name: 'skipValidation',
		type: 'boolean',
		default: false,
		description:
			'Whether to send numbers that only look international (+ and 7 to 15 digits) though the numbering plan does not know them, such as test numbers; the gateway then decides',
	};
}

/** The "Digits Are International" option of every send that takes phone numbers. */
export function digitsAreInternationalOption(): INodeProperties {
	return {
		displayName: 'Digits Are International',
		name: 'digitsAreInternational',
		type: 'boolean',
		default: false,
		description:
			'Whether recipients written as digits without + carry their country code first (WhatsApp style, 14155550123). Off, such digits are sent only when no country reads them as a national number; the others fail with their readings.',
	};
}

/** How a number is written and checked: Default Country, Digits Are International, Skip Number Validation. */
export function numberOptions(): INodeProperties[] {
	return [defaultCountryOption(), digitsAreInternationalOption(), skipValidationOption()];
}

/** The number options a user set, for normalizePhoneNumber. */
export function phoneOptionsFrom(options: IDataObject): PhoneOptions {
	return {
		defaultCountry: typeof options.defaultCountry === 'string' ? options.defaultCountry : undefined,
		digitsAreInternational: options.digitsAreInternational === true,
		skipValidation: options.skipValidation === true,
	};
}

/** A send-rate option: most requests per minute, within the gateway's documented limit. */
export function perMinuteOption(option: { name: string; displayName: string; default: number; description: string }): INodeProperties {
	const { name, displayName, description, default: perMinute } = option;
	return { displayName, name, type: 'number', typeOptions: { minValue: 1 }, default: perMinute, description };
}

export interface IdLocator {
	name: string;
	displayName: string;
	/** An example ID, shown in the By ID field. */
	placeholder: string;
	/** The node's listSearch method, where the gateway can list these: adds "From List". */
	searchListMethod?: string;
	description?: string;
	/**
	 * What the list holds and the typed mode takes, where it is no ID: "Number" gives "Select a Number..."
	 * and a typed mode "number" labelled "Number", short enough for the editor's mode box (as Airtable's
	 * "ID"). n8n's editor labels a mode named "id" "By ID", whatever its display name.
	 */
	noun?: string;
}

/** An ID the user picks from a list where the API can list them, or types by ID: n8n's resource locator. */
export function idLocator(locator: IdLocator): INodeProperties {
	const listMode = locator.searchListMethod !== undefined;
	const noun = locator.noun ?? locator.displayName.replace(/ ID$/, '');
	const typed = locator.noun ? { displayName: noun, name: noun.toLowerCase() } : { displayName: 'By ID', name: 'id' };
	return {
		displayName: locator.displayName,
		name: locator.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: listMode ? 'list' : 'id', value: '' },
		description: locator.description,
		modes: [
			...(listMode
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: `Select a ${noun}...`,
							typeOptions: { searchListMethod: locator.searchListMethod, searchable: true },
						},
					]
				: []),
			{ ...typed, type: 'string', placeholder: locator.placeholder },
		],
	};
}

/** A trigger's Repeat Window: how long a gateway's second delivery of an event is taken for a retry. */
export function repeatWindowField(defaultMinutes: number): INodeProperties {
	return {
		displayName: 'Repeat Window (Minutes)',
		name: 'repeatWindow',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: defaultMinutes,
		description:
			'A signed delivery of an event this trigger already started the workflow for within this many minutes (the gateway retrying a delivery it thought had failed) is acknowledged and starts nothing. 0 starts the workflow for every delivery.',
	};
}
