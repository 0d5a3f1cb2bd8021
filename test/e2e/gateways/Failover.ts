// WhatsApp first, SMS as failover (docs/one-inbox.md) inside a real n8n 2.41.1: WhatsInfinity's error
// output takes the numbers not on WhatsApp to InfiniReach SMS, both under one Campaign Key.
import { ONE_INBOX } from '../../gateways';
import { nodeItems, nodeOutput, type ExecutionData } from '../n8n';
import type { Stack } from '../stack';

/** 30 of the workflow's 100 recipients have no WhatsApp: every one whose number ends in 1, 4 or 7. */
export const NOT_ON_WHATSAPP = Array.from({ length: 100 }, (_, i) => `1415555${1000 + i}`).filter((digits) =>
	['1', '4', '7'].includes(digits.slice(-1)),
);

/** WhatsInfinity's limit is 10 messages a minute per session: 100 recipients take about 10 minutes. */
const RUN_TIMEOUT_MS = 16 * 60_000;

export function failoverScenarios(stack: () => Stack): void {
	describe('WhatsApp first, SMS as failover, in a real n8n', () => {
		it('reaches 70 on WhatsApp and the 30 without it by SMS, each once; a re-run sends nothing', async () => {
			const { whatsInfinity, infiniReach } = stack().sandbox;
			const run = async () => {
				const { ok, data, output } = await stack().n8n.execute(ONE_INBOX.failoverId, RUN_TIMEOUT_MS);
				expect(output).toBe('status success');
				expect(ok).toBe(true);
				return data.data;
			};
			const errorOutput = (data: ExecutionData['data']) => data.resultData.runData['WhatsApp First']?.[0]?.data?.main[1] ?? [];
			const reached = () => ({
				whatsApp: whatsInfinity.sent().map((m) => m.to),
				sms: infiniReach.outbound().map((m) => m.e164To.slice(1)),
			});

			const first = await run();
			expect(nodeOutput(first, 'WhatsApp First').filter((item) => item.fate === 'sent')).toHaveLength(70);
			expect(errorOutput(first).map((item) => [(item.json.error as { reason: string }).reason, item.json.phone])).toEqual(
				NOT_ON_WHATSAPP.map((digits) => ['notOnChannel', `+${digits}`]),
			);
			expect(nodeOutput(first, 'SMS Instead').filter((item) => item.fate === 'sent')).toHaveLength(30);
			expect(nodeItems(first, 'Other Failures')).toEqual([]);
			const after = reached();
			expect(after.whatsApp).toHaveLength(70);
			expect(after.sms.sort()).toEqual([...NOT_ON_WHATSAPP].sort());
			// Each recipient once: no one on both channels, no one twice.
			expect(new Set([...after.whatsApp, ...after.sms]).size).toBe(100);

			const second = await run();
			expect(reached()).toEqual(after);
			expect(nodeOutput(second, 'WhatsApp First').map((item) => item.fate)).toEqual(Array(70).fill('skipped'));
			expect(nodeOutput(second, 'SMS Instead').map((item) => item.fate)).toEqual(Array(30).fill('skipped'));
			console.log(
				`[failover] first run: ${after.whatsApp.length} WhatsApp + ${after.sms.length} SMS, 100 recipients each reached once; re-run: 0 sent (${errorOutput(second).length} asked of WhatsApp again and refused, ${nodeOutput(second, 'SMS Instead').length} SMS skipped by the Campaign Key)`,
			);
		});
	});
}
