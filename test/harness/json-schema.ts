// A JSON Schema checker for the keywords docs/schemas use (type, enum, const, required, properties,
// additionalProperties, items, minLength, minimum, pattern, format date-time, oneOf, allOf, if/then/else, not):
// the project's schemas are the contract, and this reads them as any draft 2020-12 validator would.
import { readFileSync } from 'fs';
import { join } from 'path';

export interface Schema {
	$ref?: string;
	$defs?: Record<string, Schema>;
	type?: string | string[];
	enum?: unknown[];
	const?: unknown;
	required?: string[];
	properties?: Record<string, Schema>;
	additionalProperties?: boolean;
	items?: Schema;
	minLength?: number;
	minimum?: number;
	pattern?: string;
	format?: string;
	oneOf?: Schema[];
	allOf?: Schema[];
	if?: Schema;
	then?: Schema;
	else?: Schema;
	not?: Schema;
}

const KNOWN = new Set([
	'$schema',
	'$id',
	'$defs',
	'$ref',
	'title',
	'description',
	'type',
	'enum',
	'const',
	'required',
	'properties',
	'additionalProperties',
	'items',
	'minLength',
	'minimum',
	'pattern',
	'format',
	'oneOf',
	'allOf',
	'if',
	'then',
	'else',
	'not',
]);

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every way `value` breaks `schema`, each with its path; empty when it holds. */
export function schemaErrors(schema: Schema, value: unknown, path = '$', root: Schema = schema): string[] {
	if (schema.$ref) {
		const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
		const target = name ? root.$defs?.[name] : undefined;
		if (!target) throw new Error(`The schema at ${path} refers to ${schema.$ref}, which it does not define`);
		return schemaErrors(target, value, path, root);
	}
	const unknown = Object.keys(schema).filter((key) => !KNOWN.has(key));
	if (unknown.length) throw new Error(`The schema at ${path} uses keywords this checker does not read: ${unknown.join(', ')}`);
	const errors: string[] = [];
	const actual = typeOf(value);
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!types.includes(actual) && !(actual === 'integer' && types.includes('number')))
			return [`${path}: is ${actual}, not ${types.join(' or ')}`];
	}
	if (schema.enum && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value)))
		errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
		errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
	if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum)
		errors.push(`${path}: less than ${schema.minimum}`);
	if (typeof value === 'string') {
		if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
		if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
		if (schema.format === 'date-time' && (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))))
			errors.push(`${path}: "${value}" is not an ISO date-time`);
	}
	if (actual === 'object') {
		const object = value as Record<string, unknown>;
		for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${path}: lacks ${key}`);
		for (const [key, child] of Object.entries(schema.properties ?? {}))
			if (key in object) errors.push(...schemaErrors(child, object[key], `${path}.${key}`, root));
		if (schema.additionalProperties === false)
			for (const key of Object.keys(object)) if (!(key in (schema.properties ?? {}))) errors.push(`${path}: has ${key}, which it may not`);
	}
	if (actual === 'array' && schema.items)
		(value as unknown[]).forEach((entry, index) => errors.push(...schemaErrors(schema.items!, entry, `${path}[${index}]`, root)));
	if (schema.oneOf) {
		const passing = schema.oneOf.filter((option) => !schemaErrors(option, value, path, root).length).length;
		if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf's ${schema.oneOf.length} (must match one)`);
	}
	for (const part of schema.allOf ?? []) errors.push(...schemaErrors(part, value, path, root));
	if (schema.if) {
		const branch = schemaErrors(schema.if, value, path, root).length ? schema.else : schema.then;
		if (branch) errors.push(...schemaErrors(branch, value, path, root));
	}
	if (schema.not && !schemaErrors(schema.not, value, path, root).length) errors.push(`${path}: matches what it must not`);
	return errors;
}

const SCHEMAS = join(__dirname, '../../docs/schemas');

export function loadSchema(name: 'common-event' | 'send-result'): Schema {
	return JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), 'utf8')) as Schema;
}

/** Jest: every item's json holds to the schema; a failure names each item and what it broke. */
export function expectAllValid(name: 'common-event' | 'send-result', items: Array<{ json: unknown } | Record<string, unknown>>): void {
	if (!items.length) throw new Error(`No items to check against ${name}: a check of nothing proves nothing`);
	const schema = loadSchema(name);
	const broken = items
		.map((item, index) => ({ index, errors: schemaErrors(schema, 'json' in item && typeof item.json === 'object' ? item.json : item) }))
		.filter(({ errors }) => errors.length);
	if (broken.length)
		throw new Error(
			`${broken.length} of ${items.length} items break ${name}.schema.json:\n${broken.map(({ index, errors }) => `item ${index}: ${errors.join('; ')}`).join('\n')}`,
		);
}
