import { STATUSES as INFINIREACH } from '../../nodes/InfiniReach/helpers/common';
import { STATUSES as INFOBIP } from '../../nodes/Infobip/helpers/common';
import { STATUSES as INFOPROMO } from '../../nodes/Infopromo/helpers/common';
import { STATUSES as TXTCOOP } from '../../nodes/TxtCoop/helpers/common';
import { SESSION_STATES, STATUSES as WHATSINFINITY } from '../../nodes/WhatsInfinity/helpers/common';
import { commonStatus, MESSAGE_STATUSES, type MessageStatus, type StatusTable } from '../../nodes/shared/statuses';

type Row = [word: string, expected: MessageStatus | null, where: string];

// Every status word the seeds and gateways.md give for a message, and where; null only where the word
// is no message status (an inbound message's "received").
const DOCUMENTED: Record<string, { table: StatusTable; rows: Row[] }> = {
	InfiniReach: {
		table: INFINIREACH,
		rows: [
			['queued', 'queued', 'seed 000: history status filter'],
			['sent', 'sent', 'seed 000: history status filter'],
			['delivered', 'delivered', 'seed 000: history, webhook example'],
			['failed', 'failed', 'seed 000: history status filter'],
			['accepted', 'queued', 'the node: a send answered queued: false'],
			['duplicate', 'queued', 'the node: a re-send InfiniReach already had (externalId)'],
		],
	},
	WhatsInfinity: {
		table: WHATSINFINITY,
		rows: [
			['success', 'queued', 'seed 001: the envelope of a send it took'],
			['queued', 'queued', 'seed 001: queued while the session is disconnected'],
			['sent', 'sent', 'the node: a send taken while the session is connected'],
		],
	},
	Infobip: {
		table: INFOBIP,
		rows: [
			['PENDING', 'queued', 'seed 002: group 1'],
			['UNDELIVERABLE', 'failed', 'seed 002: group 2'],
			['DELIVERED', 'delivered', 'seed 002: group 3'],
			['EXPIRED', 'failed', 'seed 002: group 4'],
			['REJECTED', 'rejected', 'seed 002: group 5'],
			['MESSAGE_ACCEPTED', 'queued', 'seed 002: the send answer sample (group PENDING)'],
			['PENDING_ENROUTE', 'sent', "Infobip's status names: sent on to the operator"],
			['SEEN', 'read', 'gateways.md: the seen report'],
		],
	},
	txtcoop: {
		table: TXTCOOP,
		rows: [
			['queued', 'queued', 'seed 003: send answer'],
			['delivered', 'delivered', 'seed 003: message status'],
			['processing', 'queued', 'seed 003: bulk job, queue stats'],
			['pending', 'queued', 'seed 003: queue stats'],
			['failed', 'failed', 'seed 003: queue stats; gateways.md: message.failed'],
			['deadLetter', 'failed', 'seed 003: queue stats'],
			['dead_letter', 'failed', 'gateways.md: the dead-letter queue'],
			['sent', 'sent', 'gateways.md: message.sent'],
			['completed', 'sent', 'the node: a bulk job done'],
			['received', null, 'gateways.md: message.received, an inbound message'],
		],
	},
	Infopromo: {
		table: INFOPROMO,
		rows: [
			['success', 'queued', 'seed 004: the envelope of a send it took'],
			['error', 'failed', 'seed 004: the envelope of a send it refused'],
			['scheduled', 'queued', 'the node: a send with schedule_time'],
			// Undocumented: the words the platform's portals show, read by what they say.
			['Delivered', 'delivered', 'portal'],
			['Undelivered', 'failed', 'portal'],
			['Failed', 'failed', 'portal'],
			['Rejected', 'rejected', 'portal'],
			['Sent', 'sent', 'portal'],
			['Enroute', 'sent', 'portal'],
			['Pending', 'queued', 'portal'],
			['Queued', 'queued', 'portal'],
			['Expired', 'failed', 'portal'],
		],
	},
};

describe.each(Object.entries(DOCUMENTED))('%s statuses in the common vocabulary', (_gateway, { table, rows }) => {
	it.each(rows)('%s is %s (%s)', (word, expected) => {
		expect(commonStatus(table, word)).toBe(expected);
	});

	it('maps every word of its table, and each one is documented above (none left unmapped, none untested)', () => {
		const tested = new Set(rows.map(([word]) => word.toLowerCase().replace(/[\s-]+/g, '_')));
		expect(Object.keys(table.words).filter((word) => !tested.has(word) && !tested.has(word.replace(/_/g, '')))).toEqual([]);
		expect(Object.values(table.words).every((status) => status === null || MESSAGE_STATUSES.includes(status))).toBe(true);
	});
});

describe('what no vocabulary word fits', () => {
	it("keeps WhatsInfinity's session states as a session's, with no message status", () => {
		expect(SESSION_STATES).toEqual(['active', 'connecting', 'qr', 'pairing', 'disconnected', 'disabled']);
		expect(SESSION_STATES.map((state) => commonStatus(WHATSINFINITY, state))).toEqual(SESSION_STATES.map(() => null));
	});

	it('reads an unknown word as no status (null), never a guess, where a gateway documents its words', () => {
		expect([commonStatus(INFINIREACH, 'weird'), commonStatus(TXTCOOP, 'weird'), commonStatus(INFOBIP, 'weird')]).toEqual([
			null,
			null,
			null,
		]);
		expect([commonStatus(INFOBIP, ''), commonStatus(INFOBIP, null), commonStatus(INFOBIP, undefined)]).toEqual([null, null, null]);
	});
});
