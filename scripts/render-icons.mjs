// Renders public/icon.svg into the PNGs a phone and a browser tab ask for (home-screen icons,
// the Apple touch icon, the favicon), with the Chromium the browser tests use.
// Run: node scripts/render-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync(new URL('../public/icon.svg', import.meta.url), 'utf8');
const SIZES = [
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
  { file: 'apple-touch-icon.png', size: 180 },
  { file: null, size: 32 }, // inside favicon.ico only
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const pngs = new Map();
for (const { file, size } of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  if (file) writeFileSync(new URL(`../public/${file}`, import.meta.url), png);
  pngs.set(size, png);
}
await browser.close();

// favicon.ico: one 32x32 PNG inside an ICO directory (PNG entries are valid ICO since Vista).
const png = pngs.get(32);
const ico = Buffer.alloc(6 + 16);
ico.writeUInt16LE(0, 0);
ico.writeUInt16LE(1, 2); // icon
ico.writeUInt16LE(1, 4); // one image
ico.writeUInt8(32, 6);
ico.writeUInt8(32, 7);
ico.writeUInt16LE(1, 10); // planes
ico.writeUInt16LE(32, 12); // bits per pixel
ico.writeUInt32LE(png.length, 14);
ico.writeUInt32LE(22, 18); // offset of the image
writeFileSync(new URL('../public/favicon.ico', import.meta.url), Buffer.concat([ico, png]));
