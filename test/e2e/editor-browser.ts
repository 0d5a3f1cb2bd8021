// Headless Chromium (Debian's, driven by puppeteer-core) signed in to an e2e n8n's editor: what the
// tools that look at the editor (screenshots, picked-time) share.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import type { Owner } from './n8n';

/** Chromium on a machine that reaches no network: its own background connections are switched off. */
export async function launchChromium(env: Record<string, string> = {}): Promise<Browser> {
	return await puppeteer.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
		env: { ...process.env, ...env },
		defaultViewport: { width: 1440, height: 900 },
	});
}

/** A page signed in as the owner, through the form (n8n ties a session to the browser that opened it). */
export async function signedInPage(browser: Browser, baseUrl: string, owner: Owner): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'networkidle2' });
	const [email, password] = await page.$$('input');
	await email.type(owner.email);
	await password.type(owner.password);
	await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle2' }), password.press('Enter')]);
	return page;
}
