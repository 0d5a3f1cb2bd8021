import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { requestList, requestRecord } from '../../shared/transport';
import { txtCoop } from '../transport';

/** What the trigger keeps about its registration, in the workflow's static data. */
export interface Registration extends IDataObject {
	webhookId?: string;
	secret?: string;
}

const sameEvents = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && b.every((event) => a.includes(event));

/**
 * The trigger's registration through txtcoop's webhooks API. It counts as ours only with the secret
 * we generated; anything else at our URL is replaced, so every delivery can be verified.
 */
export const registration = {
	async exists(this: IHookFunctions): Promise<boolean> {
		const url = this.getNodeWebhookUrl('default');
		const events = this.getNodeParameter('events', []) as string[];
		const data = this.getWorkflowStaticData('node') as Registration;
		const { data: hooks } = await requestList.call(
			this,
			txtCoop,
			{ method: 'GET', path: '/api/v1/webhooks', idempotent: true },
			'webhooks',
		);
		const found = hooks.find((hook) => hook.url === url);
		if (found && String(found.id) === data.webhookId && data.secret && sameEvents(found.events, events)) return true;
		if (found) await removeHook.call(this, String(found.id));
		delete data.webhookId;
		delete data.secret;
		return false;
	},

	async create(this: IHookFunctions): Promise<boolean> {
		const url = this.getNodeWebhookUrl('default');
		const events = this.getNodeParameter('events', []) as string[];
		const data = this.getWorkflowStaticData('node') as Registration;
		// In place before txtcoop hears of the URL: its first deliveries can arrive before it answers.
		const secret = randomBytes(32).toString('hex');
		data.secret = secret;
		delete data.webhookId;
		let hook: IDataObject | undefined;
		try {
			({ data: hook } = await requestRecord.call(this, txtCoop, {
				method: 'POST',
				path: '/api/v1/webhooks',
				body: { url, events, secret },
			}));
		} finally {
			if (!hook) delete data.secret;
		}
		// Without its ID the registration could not be removed later.
		if (hook.id === undefined) {
			delete data.secret;
			throw new NodeApiError(this.getNode(), hook as JsonObject, {
				message: 'txtcoop registered the webhook but did not say its ID',
				description: 'Check Webhooks in the txtcoop dashboard and remove the registration for this URL.',
			});
		}
		data.webhookId = String(hook.id);
		return true;
	},

	async delete(this: IHookFunctions): Promise<boolean> {
		const data = this.getWorkflowStaticData('node') as Registration;
		if (data.webhookId) await removeHook.call(this, data.webhookId);
		delete data.webhookId;
		delete data.secret;
		return true;
	},
};

/** Deletes a registration; one that is gone already is fine. */
async function removeHook(this: IHookFunctions, id: string): Promise<void> {
	// The request's own error already says what went wrong: it is passed on as it is.
	await requestRecord
		.call(this, txtCoop, { method: 'DELETE', path: `/api/v1/webhooks/${encodeURIComponent(id)}`, idempotent: true })
		.catch((error: unknown) => {
			if (!(error instanceof NodeApiError && error.httpCode === '404')) throw error;
		});
}
