import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { campaignOptions, sendOnce, type CampaignMessage } from '../../shared/campaign';
import { careOptions } from '../../shared/care-options';
import { numberOptions, optionsCollection, perMinuteOption, phoneOptionsFrom } from '../../shared/fields';
import { parseInput, withItemIndex } from '../../shared/items';
import { SendOrder, takeSendSlot, type CampaignOperation, type RunState } from '../../shared/operation';
import { normalizePhoneNumber, PhoneNumberError, type PhoneOptions } from '../../shared/phone';
import { markReason } from '../../shared/send-result';
import { requestRecord } from '../../shared/transport';
import { sessionCredentials, whatsInfinity } from '../transport';
import { itemOptions } from '../../shared/parameters';

const DEFAULT_MESSAGES_PER_MINUTE = 10;

export function toField(): INodeProperties {
	return {
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+919999999999',
		description: 'Recipient number: +E.164, bare international digits, or national with a Default Country',
	};
}

/** The options of both sends; `extra` are the operation's own, sorted after the shared ones. */
export function sendOptions(extra: INodeProperties[] = []): INodeProperties {
	return optionsCollection([
		...campaignOptions(),
		...numberOptions(),
		...careOptions({ schedules: false, sms: false }),
		{
			displayName: 'Check With WhatsInfinity',
			name: 'gatewayCheck',
			type: 'boolean',
			default: false,
			description:
				"Whether a Dry Run also asks WhatsInfinity to validate each message (the gateway's own dry run: one request per item, paced by nothing, nothing sent)",
		},
		perMinuteOption({
			name: 'messagesPerMinute',
			displayName: 'Messages Per Minute',
			default: DEFAULT_MESSAGES_PER_MINUTE,
			description:
				'Most messages this node sends through the session in any minute. WhatsInfinity allows 10 per session; lower it if other workflows use the session.',
		}),
		...extra,
	]);
}

/** WhatsInfinity wants 7–15 digits with the country code and no +. */
function recipientDigits(input: unknown, phone: PhoneOptions): string {
	const digits = normalizePhoneNumber(input, { ...phone, format: 'digits' });
	if (!/^\d{7,15}$/.test(digits)) throw new PhoneNumberError(`"${String(input)}" is not 7 to 15 digits long`);
	return digits;
}

/** An item's send, checked: its options, its recipient in the gateway's form, what it sends. */
export interface SessionSend {
	options: IDataObject;
	to: string;
	content: IDataObject;
}

export function readSend(context: IExecuteFunctions, itemIndex: number, content: IDataObject): SessionSend {
	const options = itemOptions(context, itemIndex);
	const to = parseInput(context, itemIndex, 'Invalid "To"', () =>
		recipientDigits(context.getNodeParameter('to', itemIndex, ''), phoneOptionsFrom(options)),
	);
	return { options, to, content };
}

/** The send as its Campaign Key knows it. */
export function sessionCampaign({ options, to, content }: SessionSend, itemIndex: number): CampaignMessage {
	return {
		itemIndex,
		campaignKey: options.campaignKey,
		to,
		content,
		resendUnknown: options.resendUnknownFate === true,
		shown: { type: content.type },
	};
}

/**
 * One send through the credential's session: paced per session (the gateway's own dry run sends
 * nothing, so it does not wait), and the gateway's answer with its requestId.
 */
export async function sendThroughSession(
	context: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
	item: SessionSend,
	dryRun = false,
): Promise<IDataObject> {
	const { options, to, content } = item;
	const { sessionId } = await sessionCredentials.call(context, itemIndex);
	const send = async (): Promise<IDataObject> => {
		// The limit is the session's: the pacer is the account's and session's (see takeSendSlot).
		const paced = dryRun
			? undefined
			: await takeSendSlot(context, itemIndex, run, {
					gateway: whatsInfinity,
					key: sessionId,
					perMinute: options.messagesPerMinute ?? DEFAULT_MESSAGES_PER_MINUTE,
					label: 'Messages Per Minute',
					max: DEFAULT_MESSAGES_PER_MINUTE,
					to,
				});
		const body: IDataObject = { sessionId, to, ...content };
		if (dryRun) body.dryRun = true;
		// No idempotency key exists: a send whose fate is unknown is reported, never repeated.
		const { data, requestId } = await requestRecord
			.call(context, whatsInfinity, { method: 'POST', path: '/send', body, itemIndex, paced })
			.catch((error: unknown) => {
				// 422: the number is not on WhatsApp (seed 001), which a workflow routes to another channel.
				throw withItemIndex(
					context,
					error instanceof NodeApiError && error.httpCode === '422' ? markReason(error, 'notOnChannel') : error,
					itemIndex,
				);
			});
		return {
			messageId: data.messageId ?? null,
			queued: data.queued ?? null,
			requestId,
			sessionId,
			to,
			type: content.type,
			...(dryRun ? { dryRun: true } : {}),
			...data,
		};
	};
	// A dry run sends nothing, so it neither skips nor counts as sent in a campaign.
	return dryRun ? await send() : await sendOnce(context, options, sessionCampaign(item, itemIndex), send);
}

/** The gateway's own check of a dry run's item (Check With WhatsInfinity): what it said, beside the dry run's verdict. */
async function gatewayCheck(this: IExecuteFunctions, itemIndex: number, item: SessionSend): Promise<IDataObject | undefined> {
	if (item.options.gatewayCheck !== true) return undefined;
	const answer = await sendThroughSession(this, itemIndex, { order: new SendOrder() }, item, true);
	// Its fields, but those a dry run's output already has a say on.
	for (const field of ['messageId', 'queued', 'dryRun']) delete answer[field];
	return { gatewayCheck: answer };
}

/** A send operation of the session, from how it reads an item's content: what the router runs. */
export function sessionOperation(contentOf: (this: IExecuteFunctions, itemIndex: number) => IDataObject): CampaignOperation<SessionSend> {
	return {
		read(itemIndex) {
			return readSend(this, itemIndex, contentOf.call(this, itemIndex));
		},
		campaign: sessionCampaign,
		async send(itemIndex, run, item) {
			return await sendThroughSession(this, itemIndex, run, item);
		},
		guard: { schedules: false, dryRunCheck: gatewayCheck },
	};
}
