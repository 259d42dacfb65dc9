// Draws the app's icons for the web app manifest (public/icon-192.png, public/icon-512.png)
// from public/icon.svg in headless Chromium. Run by hand when the icon changes; the PNGs
// are committed. The drawing keeps to the middle 80%, so a round or squircle mask of the
// home screen never cuts it ("purpose": "any maskable").
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { chromium } = createRequire(path.join(root, 'tools/package.json'))('playwright-core');
const svg = fs.readFileSync(path.join(root, 'public/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: path.join(root, `public/icon-${size}.png`) });
  await page.close();
}
await browser.close();
