import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { itemError } from '../../shared/items';
import type { RequestContext } from '../../shared/gateway';
import { requestRecord } from '../../shared/transport';
import { sessionCredentials, whatsInfinity } from '../transport';

/** `GET /check-session/:id` for the credential's session: status, readiness, queue and rate budget. */
export async function checkSession(this: RequestContext, itemIndex?: number): Promise<IDataObject> {
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await requestRecord.call(this, whatsInfinity, {
		method: 'GET',
		path: `/check-session/${encodeURIComponent(sessionId)}`,
		idempotent: true,
		itemIndex,
	});
	return { sessionId, ...data, requestId };
}

/** What each state means for linking the session, in words a user can act on. */
const STATE_ADVICE: Record<string, string> = {
	active: 'The session is connected already: it can send now, and there is nothing to scan or pair.',
	connecting: 'The session is connecting: wait a few seconds and check it with Session → Get Status.',
	pairing: 'The session is waiting for a pairing code to be entered in WhatsApp (Linked Devices).',
	qr: 'The session is waiting for its QR code to be scanned.',
	disconnected: 'The session is disconnected: restart it (Session → Restart) to get a new QR code.',
	disabled: 'The session is disabled: restart it (Session → Restart), or create it again.',
};

/**
 * When linking fails (no QR, no pairing code) the API's answer for that case is not documented; the
 * session's status, which is, says why. An error that is not about the session (a bad key) stands.
 */
export async function explainLinking(
	context: IExecuteFunctions,
	itemIndex: number,
	what: string,
	original: unknown,
	wantedStatus?: string,
): Promise<Error> {
	if (original instanceof NodeApiError && original.httpCode === '401') return original;
	let state: IDataObject;
	try {
		state = await checkSession.call(context, itemIndex);
	} catch {
		return original as Error;
	}
	const status = String(state.status ?? '');
	if (wantedStatus && status === wantedStatus) return original as Error;
	return itemError(
		context,
		itemIndex,
		`No ${what}: the session "${String(state.sessionId)}" is ${status || 'in an unknown state'}`,
		STATE_ADVICE[status],
	);
}
