// The e2e files run side by side, three at a time on a 2-core machine: the longest start first, and the
// short one takes the first lane that frees. Jest's own order (file size, or the durations of an
// earlier run on this machine) would make a long one wait behind a short one in a clean clone.
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST_FIRST = [
	'whatsapp-failover.e2e.ts',
	'QueueMode.e2e.ts',
	'quiet-hours.e2e.ts',
	'minute-paced.e2e.ts',
	'sends-and-webhooks.e2e.ts',
	'dev-keeps.e2e.ts',
];

class LongestFirst extends Sequencer {
	sort(tests) {
		const rank = (test) => {
			const index = LONGEST_FIRST.findIndex((name) => test.path.endsWith(name));
			return index < 0 ? LONGEST_FIRST.length : index;
		};
		return [...tests].sort((a, b) => rank(a) - rank(b));
	}
}

module.exports = LongestFirst;
