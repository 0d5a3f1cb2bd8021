import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

export interface Row {
	scenario: string;
	measure: string;
	package: number;
	peer: number;
	peerName: string;
	/** package / peer */
	ratio: number;
	/** The goal for the ratio, and which way is better. */
	goal?: { ratio: number; better: 'lower' | 'higher' };
	note?: string;
}

export const row = (fields: Omit<Row, 'ratio'>): Row => ({ ...fields, ratio: fields.peer ? fields.package / fields.peer : NaN });

const met = (r: Row) => (r.goal ? (r.goal.better === 'lower' ? r.ratio <= r.goal.ratio : r.ratio >= r.goal.ratio) : undefined);

const fixed = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3));

export function printTable(rows: Row[]): void {
	const lines = rows.map((r) => [
		r.scenario,
		r.measure,
		fixed(r.package),
		`${fixed(r.peer)} (${r.peerName})`,
		r.ratio.toFixed(3),
		r.goal ? `${r.goal.better === 'lower' ? '≤' : '≥'} ${r.goal.ratio}: ${met(r) ? 'met' : 'NOT MET'}` : '',
	]);
	const header = ['scenario', 'measure', 'package', 'peer', 'ratio', 'goal'];
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
	console.log(format(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const line of lines) console.log(format(line));
	for (const r of rows.filter((x) => x.note)) console.log(`  ${r.scenario}, ${r.measure}: ${r.note}`);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A bar per row: the ratio against the peer (1.0 = as the peer), the goal as a tick. */
export function svgChart(rows: Row[], title: string): string {
	const shown = rows.filter((r) => Number.isFinite(r.ratio));
	const barHeight = 22;
	const label = (r: Row) => `${r.scenario}: ${r.measure} vs ${r.peerName}`;
	// Room for the longest label (about 6.6 px a character at 12 px), and 470 px for the bars.
	const left = Math.ceil(16 + 6.6 * Math.max(40, ...shown.map((r) => label(r).length)));
	const width = left + 470;
	const scale = (width - left - 60) / Math.max(2, ...shown.map((r) => Math.min(r.ratio, 4)), ...shown.map((r) => r.goal?.ratio ?? 0));
	const height = 60 + shown.length * (barHeight + 8);
	const bars = shown.map((r, i) => {
		const y = 40 + i * (barHeight + 8);
		const length = Math.max(1, Math.min(r.ratio, 4) * scale);
		const colour = met(r) === false ? '#d9534f' : met(r) ? '#3c9d5d' : '#5b7fbf';
		const goal = r.goal
			? `<line x1="${left + r.goal.ratio * scale}" x2="${left + r.goal.ratio * scale}" y1="${y - 3}" y2="${y + barHeight + 3}" stroke="#222" stroke-width="2"/>`
			: '';
		return [
			`<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12">${escape(label(r))}</text>`,
			`<rect x="${left}" y="${y}" width="${length}" height="${barHeight}" fill="${colour}"/>`,
			`<text x="${left + length + 6}" y="${y + 15}" font-size="12">${r.ratio.toFixed(3)}</text>`,
			goal,
		].join('');
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		`<text x="10" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
		`<line x1="${left + scale}" x2="${left + scale}" y1="32" y2="${height - 10}" stroke="#999" stroke-dasharray="4 3"/>`,
		...bars,
		'</svg>',
	].join('\n');
}

/** Writes results.json and results.svg (and a dated copy of each) under test/bench/results/. */
export function writeResults(directory: string, rows: Row[], extra: object): string[] {
	mkdirSync(directory, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const json = JSON.stringify({ at: new Date().toISOString(), rows, ...extra }, null, 2);
	const svg = svgChart(rows, `n8n-nodes-message-gateways: ratio to the peer (1.0 = as the peer; tick = goal)`);
	const files = [
		join(directory, 'latest.json'),
		join(directory, 'latest.svg'),
		join(directory, `${stamp}.json`),
		join(directory, `${stamp}.svg`),
	];
	writeFileSync(files[0], json);
	writeFileSync(files[1], svg);
	writeFileSync(files[2], json);
	writeFileSync(files[3], svg);
	return files.slice(0, 2);
}
