import { createHash } from 'crypto';
import { deflateSync } from 'zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG that looks like a QR code: 29×29 modules with the three finder squares, the rest drawn
 * from `seed`. Scanning it links nothing; it only has to be a valid image.
 */
export function qrLikePng(seed: string, scale = 8): Buffer {
	const modules = 29;
	const quiet = 4;
	const size = (modules + quiet * 2) * scale;
	const bits = createHash('sha256').update(seed).digest();
	const finder = (x: number, y: number) => {
		for (const [fx, fy] of [
			[0, 0],
			[modules - 7, 0],
			[0, modules - 7],
		]) {
			const dx = x - fx;
			const dy = y - fy;
			if (dx >= 0 && dx < 7 && dy >= 0 && dy < 7) {
				const ring = Math.min(dx, dy, 6 - dx, 6 - dy);
				return ring !== 1;
			}
		}
		return undefined;
	};
	const dark = (x: number, y: number): boolean => {
		if (x < 0 || y < 0 || x >= modules || y >= modules) return false;
		const fixed = finder(x, y);
		if (fixed !== undefined) return fixed;
		const index = y * modules + x;
		return ((bits[index % bits.length] >> index % 8) & 1) === 1;
	};
	const rows: Buffer[] = [];
	for (let py = 0; py < size; py++) {
		const row = Buffer.alloc(1 + size, 0xff);
		row[0] = 0; // filter: none
		for (let px = 0; px < size; px++) {
			if (dark(Math.floor(px / scale) - quiet, Math.floor(py / scale) - quiet)) row[1 + px] = 0;
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // greyscale
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}
