/** Waits until `done()` holds, checking every 20 ms, for at most `ms`: the sandbox tests wait on what they assert, not for a set time. */
export async function waitUntil(done: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
