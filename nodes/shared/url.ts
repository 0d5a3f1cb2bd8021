/** Whether a value is an absolute http(s) URL, the only kind a gateway can fetch a file from. */
export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}
