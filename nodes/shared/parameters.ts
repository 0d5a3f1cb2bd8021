import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { itemError } from './items';

/**
 * A required ID parameter (a plain string or a resource locator), trimmed; an empty one fails the
 * item before any request.
 */
export function idOf(context: IExecuteFunctions, itemIndex: number, name: string, label: string, hint?: string): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = String(value ?? '').trim();
	if (!id) throw itemError(context, itemIndex, `No ${label} is set`, hint ?? `Choose one from the list, or give its ID.`);
	return id;
}

export interface TextRules {
	/** What the user calls the field: "Message", "Body". */
	field: string;
	/** What errors call the text (default: the field's name). */
	noun?: string;
	/** The gateway's limit, in characters. */
	max?: number;
	gateway: string;
}

/** A message text: not empty, and within the gateway's length; otherwise the item fails, naming both. */
export function checkText(context: IExecuteFunctions, itemIndex: number, value: unknown, rules: TextRules): string {
	const noun = rules.noun ?? rules.field.toLowerCase();
	const text = plainText(context, itemIndex, value, rules.field, noun);
	if (!text.trim()) throw itemError(context, itemIndex, `The ${noun} is empty`, `Write the text to send in "${rules.field}".`);
	if (rules.max !== undefined && text.length > rules.max) {
		throw itemError(
			context,
			itemIndex,
			`The ${noun} is ${text.length} characters long; ${rules.gateway} accepts at most ${rules.max}`,
			'Shorten it, or split it into several messages.',
		);
	}
	return text;
}

/**
 * A text parameter's value as text. An expression that gives an object or a list would go out as
 * "[object Object]": refused instead, saying how to fix it.
 */
export function plainText(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
	noun = field.toLowerCase(),
): string {
	if (value !== null && typeof value === 'object') {
		throw itemError(
			context,
			itemIndex,
			`The ${noun} is ${Array.isArray(value) ? 'a list' : 'an object'}, not text`,
			`"${field}" takes text: pick the field that holds it (e.g. {{ $json.text }}), or write it with JSON.stringify() if you mean to send the data itself.`,
		);
	}
	return String(value ?? '');
}

/** The entries of a fixedCollection value (`{ step: [{…}, {…}] }`), as a list however many there are. */
export function fixedEntries(collection: unknown, name: string): IDataObject[] {
	const value = (collection as IDataObject | undefined)?.[name];
	return Array.isArray(value) ? (value as IDataObject[]) : value ? [value as IDataObject] : [];
}

/** Whether a saved parameter value holds an expression anywhere, which only n8n's engine can resolve. */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * A trigger's parameter as saved in the workflow (n8n fills in the defaults), read without n8n's
 * expression machinery, which a webhook would pay for on every delivery; through getNodeParameter
 * only when the user wrote an expression into it.
 */
export function savedParameter<T>(context: IWebhookFunctions, name: string, fallback: T): T {
	const value = context.getNode().parameters[name];
	if (value === undefined || value === null) return fallback;
	if (holdsExpression(value)) return context.getNodeParameter(name, fallback) as T;
	return value as T;
}

/** Collections already read in a run, by context: evaluating one with expressions costs more than anything a dry run does. */
const collections = new WeakMap<IExecuteFunctions, Map<string, IDataObject>>();

/**
 * An item's collection parameter ("Options", Infobip's "Campaign Options"), read once per run and
 * item however many steps ask (reading it, Quiet Hours, the Campaign Key). Not to be changed.
 */
export function itemOptions(context: IExecuteFunctions, itemIndex: number, name = 'options'): IDataObject {
	let read = collections.get(context);
	if (!read) collections.set(context, (read = new Map()));
	const key = `${name}\u0000${itemIndex}`;
	let value = read.get(key);
	if (!value) read.set(key, (value = context.getNodeParameter(name, itemIndex, {}) as IDataObject));
	return value;
}
