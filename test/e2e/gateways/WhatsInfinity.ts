// WhatsInfinity inside a real n8n 2.41.1, installed as users install it, against the sandbox.
import axios from 'axios';

import { nodeItems, nodeOutput } from '../n8n';
import { waitFor } from '../processes';
import { NEW_SESSION, SESSION_WATCH, type Stack } from '../stack';

/** The WhatsInfinity scenarios, run against a lane's stack (see the *.e2e.ts files). */
export function whatsInfinityScenarios(stack: () => Stack): void {
	describe('WhatsInfinity in a real n8n', () => {
		const emulator = () => stack().sandbox.whatsInfinity;
		const control = (path: string) => axios.post(`${stack().sandbox.urls.whatsInfinity}/__sandbox${path}`);

		beforeEach(() => emulator().server.reset());

		it('creates a session, gets its QR as binary, and after the scan sends text and media', async () => {
			const connect = await stack().n8n.execute('wiConnect0000001');
			expect(connect.ok).toBe(true);
			expect(nodeOutput(connect.data.data, 'Create Session')).toEqual([
				expect.objectContaining({ sessionId: NEW_SESSION.sessionId, status: 'qr', requestId: expect.any(String) }),
			]);
			const [qr] = nodeItems(connect.data.data, 'Get QR Code');
			expect(qr.json).toMatchObject({ status: 'qr', hasQR: true, isReady: false });
			expect(qr.binary?.qr).toMatchObject({ mimeType: 'image/png', fileName: `${NEW_SESSION.sessionId}-qr.png` });

			// What the user's phone does when it scans the QR.
			await control(`/sessions/${NEW_SESSION.sessionId}/scan`);

			const send = await stack().n8n.execute('wiSend0000000001');
			expect(send.ok).toBe(true);
			expect(nodeOutput(send.data.data, 'Get Status')[0]).toMatchObject({ status: 'active', isReady: true });
			expect(
				emulator()
					.sent()
					.map((m) => [m.sessionId, m.to, m.type, m.message ?? m.fileName]),
			).toEqual([
				[NEW_SESSION.sessionId, '919999999999', 'text', `Session ${NEW_SESSION.sessionId} is active: hello from n8n!`],
				[NEW_SESSION.sessionId, '919999999999', 'document', 'invoice.pdf'],
			]);
			expect(nodeOutput(send.data.data, 'Send Invoice')[0]).toMatchObject({ queued: false, messageId: emulator().sent()[1].messageId });

			// Connecting again, with the undocumented answers in other forms: the session exists (409), no QR is pending (200 JSON).
			emulator().config.undocumented = { ...emulator().config.undocumented, existingSession: 'conflict', qrWhenNone: 'json' };
			try {
				const again = await stack().n8n.execute('wiConnect0000001');
				expect(again.ok).toBe(false);
				expect(nodeOutput(again.data.data, 'Create Session')).toEqual([
					expect.objectContaining({ alreadyExisted: true, status: 'active' }),
				]);
				expect(again.data.data.resultData.error?.message).toBe(
					`No QR code to scan: the session "${NEW_SESSION.sessionId}" is active [item 0]`,
				);
			} finally {
				emulator().config.undocumented = { ...emulator().config.undocumented, existingSession: 'ok', qrWhenNone: 'notFound' };
			}
		});

		it('sends a 12-message campaign at 10 a minute: each exactly once, and not one 429', async () => {
			const { ok, data, output } = await stack().n8n.execute('wiCampaign000001');

			expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			const recipients = emulator()
				.sent()
				.map((m) => m.to);
			expect(recipients.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `9198765${43210 + i}`));
			expect(emulator().server.log.filter((r) => r.status === 429)).toEqual([]);
			expect(new Set(nodeOutput(data.data, 'Send Campaign').map((i) => i.messageId)).size).toBe(12);
		});

		it('the polling trigger starts the workflow when the session disconnects', async () => {
			expect(await stack().n8n.executions(SESSION_WATCH.workflowId)).toEqual([]);

			await control('/sessions/sandbox/disconnect');

			// n8n polls once a minute at the earliest.
			const [execution] = await waitFor(
				'the session watch to fire',
				async () => {
					const list = await stack().n8n.executions(SESSION_WATCH.workflowId);
					return list.length && list[0].finished ? list : undefined;
				},
				90_000,
				2_000,
			);
			// Version 1.1: the common event, the session's own fields in raw.
			expect(nodeOutput(execution.data, 'Session Status')).toEqual([
				expect.objectContaining({
					gateway: 'whatsinfinity',
					event: 'session.status',
					status: null,
					gatewayStatus: 'disconnected',
					raw: expect.objectContaining({ event: 'statusChanged', previousStatus: 'active', status: 'disconnected', sessionId: 'sandbox' }),
				}),
			]);
		});
	});
}
