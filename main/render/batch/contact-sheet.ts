/** A contact sheet: a grid of thumbnails with id and status captions, as one PNG. */
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import path from 'node:path';
import { decodeImage } from '../png-output.js';
import { renderResource } from '../resources-dir.js';

/** One tile of the sheet. */
export interface SheetTile {
  readonly id: string;
  readonly status: string;
  /** The rendered image, when there is one. */
  readonly png?: Uint8Array;
}

const THUMB = 160;
const CAPTION = 34;
const GAP = 8;
let fontRegistered = false;

function registerFont(): void {
  if (fontRegistered) return;
  GlobalFonts.registerFromPath(path.join(renderResource('fonts'), 'DejaVuSans.ttf'), 'DejaVu Sans');
  fontRegistered = true;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Draws `tiles` in a grid (about square) and returns the PNG. */
export function contactSheet(tiles: readonly SheetTile[]): Uint8Array {
  registerFont();
  const columns = Math.max(1, Math.ceil(Math.sqrt(tiles.length)));
  const rows = Math.max(1, Math.ceil(tiles.length / columns));
  const canvas = createCanvas(columns * (THUMB + GAP) + GAP, rows * (THUMB + CAPTION + GAP) + GAP);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f0f0f0';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.font = '11px "DejaVu Sans"';
  tiles.forEach((tile, index) => {
    const x = GAP + (index % columns) * (THUMB + GAP);
    const y = GAP + Math.floor(index / columns) * (THUMB + CAPTION + GAP);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, y, THUMB, THUMB);
    if (tile.png) {
      const image = decodeImage(tile.png);
      const scale = THUMB / Math.max(image.width, image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      ctx.drawImage(image, x + (THUMB - w) / 2, y + (THUMB - h) / 2, w, h);
    }
    ctx.fillStyle = '#202020';
    ctx.fillText(clip(tile.id, 24), x + 2, y + THUMB + 13);
    ctx.fillStyle = tile.status === 'ok' ? '#1a7f37' : '#b42318';
    ctx.fillText(clip(tile.status, 24), x + 2, y + THUMB + 28);
  });
  return new Uint8Array(canvas.encodeSync('png'));
}
