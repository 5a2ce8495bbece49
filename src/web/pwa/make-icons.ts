/**
 * Draws the installable app's icons (src/web/public/icons) with no font and no image tool: the
 * committee's red (#b71c1c, the theme colour) with a white speech bubble holding three dots — 商量,
 * talking things over. Run `npm run build:icons` after changing the drawing; the PNGs are committed.
 *
 * - icon-192.png, icon-512.png: purpose "any", a rounded square on a transparent ground
 * - icon-maskable-512.png: purpose "maskable", full bleed, the bubble inside the 40% safe circle
 * - apple-touch-icon.png (180): full bleed, iOS rounds the corners itself
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const RED = [0xb7, 0x1c, 0x1c] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
type Colour = readonly [number, number, number];

/** Inside a rounded rectangle (x0, y0)–(x1, y1) with corner radius r? Coordinates in units of the icon's side. */
function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Inside the triangle a, b, c (same-side test)? */
function inTriangle(x: number, y: number, [ax, ay]: number[], [bx, by]: number[], [cx, cy]: number[]) {
  const s = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by), d2 = s(bx, by, cx, cy), d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The bubble with its tail and three dots, in a unit square centred at 0.5; scaled about the centre. */
function glyph(x: number, y: number, scale: number): Colour | null {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const dots = [0.34, 0.5, 0.66].some((dx) => (u - dx) ** 2 + (v - 0.45) ** 2 <= 0.055 ** 2);
  const bubble = inRoundedRect(u, v, 0.16, 0.22, 0.84, 0.68, 0.12) || inTriangle(u, v, [0.28, 0.6], [0.26, 0.84], [0.48, 0.64]);
  if (!bubble) return null;
  return dots ? RED : WHITE;
}

/** One icon: `background` says where the red ground is (a rounded square or the whole square). */
function draw(size: number, opts: { rounded: boolean; scale: number }) {
  const png = new PNG({ width: size, height: size });
  const N = 4; // 4×4 samples a pixel: smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = (px + (sx + 0.5) / N) / size;
          const y = (py + (sy + 0.5) / N) / size;
          const ground = !opts.rounded || inRoundedRect(x, y, 0, 0, 1, 1, 0.2);
          if (!ground) continue;
          const c = glyph(x, y, opts.scale) ?? RED;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      // colours averaged over the covered samples only (no dark fringe), coverage into alpha
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (N * N));
    }
  }
  return PNG.sync.write(png);
}

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
mkdirSync(out, { recursive: true });
const icons: [string, Buffer][] = [
  ['icon-192.png', draw(192, { rounded: true, scale: 1 })],
  ['icon-512.png', draw(512, { rounded: true, scale: 1 })],
  ['icon-maskable-512.png', draw(512, { rounded: false, scale: 0.72 })],
  ['apple-touch-icon.png', draw(180, { rounded: false, scale: 0.86 })],
];
for (const [name, data] of icons) {
  writeFileSync(path.join(out, name), data);
  console.log(`${name}: ${data.length} bytes`);
}
