// Loaded into n8n (NODE_OPTIONS=--require) by an e2e lane that needs the world at a chosen time:
// Date.now() reads as the instant written in $E2E_CLOCK_FILE, going on from there at the real pace.
// A new instant written to the file while n8n runs is read within a fifth of a second.
const { readFileSync, watchFile } = require('fs');

const file = process.env.E2E_CLOCK_FILE;
if (file) {
	const realNow = Date.now.bind(Date);
	let offset = 0;
	const read = () => {
		try {
			const at = Number(readFileSync(file, 'utf8').trim());
			if (Number.isFinite(at) && at > 0) offset = at - realNow();
		} catch {
			// No file yet: the real time.
		}
	};
	read();
	watchFile(file, { interval: 100, persistent: false }, read);
	Date.now = () => realNow() + offset;
}
