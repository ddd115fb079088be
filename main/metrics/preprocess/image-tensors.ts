/**
 * Image → model input tensors, matching each reference implementation's preprocessing, and the
 * description of it recorded in provenance.
 */
import { resizeFloatChannel, resizeRgb8 } from './pil-resize.js';
import type { RgbImage } from './png-decode.js';

/** What provenance records about preprocessing. */
export interface PreprocessingSpec {
  readonly id: string;
  readonly filter: string;
  readonly size: string;
  readonly range: string;
}

/** clean-fid's "clean" resize for Inception: per-channel float32 Pillow bicubic to 299², clip. */
export const INCEPTION_PREPROCESSING: PreprocessingSpec = {
  id: 'clean-fid-bicubic-299-v1',
  filter: 'Pillow bicubic (anti-aliased), per channel in float32, as clean-fid "clean" mode',
  size: '299×299 (aspect ratio not kept)',
  range: '[0, 255] float32 (the model normalises (x − 128) / 128 inside)',
};

/** Side of the Inception input. */
export const INCEPTION_SIZE = 299;

/** CHW float32 input of the FID Inception model for one image. */
export function inceptionInput(image: RgbImage): Float32Array {
  const { width, height, data } = image;
  const out = new Float32Array(3 * INCEPTION_SIZE * INCEPTION_SIZE);
  const channel = new Float32Array(width * height);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < width * height; i++) channel[i] = data[i * 3 + c]!;
    const resized = resizeFloatChannel(channel, width, height, INCEPTION_SIZE, INCEPTION_SIZE);
    for (let i = 0; i < resized.length; i++) resized[i] = Math.min(255, Math.max(0, resized[i]!));
    out.set(resized, c * INCEPTION_SIZE * INCEPTION_SIZE);
  }
  return out;
}

/** CLIP's image normalisation constants (OpenAI CLIP / HF CLIPImageProcessor). */
export const CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073] as const;
/** CLIP's per-channel std. */
export const CLIP_STD = [0.26862954, 0.26130258, 0.27577711] as const;
/** CLIP's input side. */
export const CLIP_SIZE = 224;

/** CLIP preprocessing as recorded in provenance. */
export const CLIP_PREPROCESSING: PreprocessingSpec = {
  id: 'clip-hf-bicubic-224-v1',
  filter: 'Pillow bicubic on 8-bit RGB, shortest side → 224, centre crop (HF CLIPImageProcessor)',
  size: '224×224',
  range: '(x / 255 − mean) / std, CLIP mean/std, float32',
};

/** CHW float32 input of CLIP's vision model for one image. */
export function clipInput(image: RgbImage, size: number = CLIP_SIZE): Float32Array {
  const { width, height } = image;
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  const scaledLong = Math.trunc((size * long) / short); // HF get_resize_output_image_size
  const [w, h] = width <= height ? [size, scaledLong] : [scaledLong, size];
  const resized = resizeRgb8(image.data, width, height, w, h);
  const top = Math.floor((h - size) / 2);
  const left = Math.floor((w - size) / 2);
  const out = new Float32Array(3 * size * size);
  const f = Math.fround;
  for (let c = 0; c < 3; c++) {
    const mean = f(CLIP_MEAN[c]!);
    const std = f(CLIP_STD[c]!);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const v = f(resized[((top + y) * w + left + x) * 3 + c]! * (1 / 255));
        out[(c * size + y) * size + x] = f(f(v - mean) / std);
      }
  }
  return out;
}

/** LPIPS input range, recorded in provenance. */
export const LPIPS_PREPROCESSING: PreprocessingSpec = {
  id: 'lpips-range-v1',
  filter: 'none when sizes agree; Pillow bicubic to the first image size otherwise',
  size: 'native',
  range: 'x / 127.5 − 1 ∈ [−1, 1] (lpips.im2tensor)',
};

/** CHW float32 in [−1, 1] for LPIPS (optionally resized to `size` first). */
export function lpipsInput(image: RgbImage, size?: { width: number; height: number }): Float32Array {
  const width = size?.width ?? image.width;
  const height = size?.height ?? image.height;
  const data =
    width === image.width && height === image.height
      ? image.data
      : resizeRgb8(image.data, image.width, image.height, width, height);
  const out = new Float32Array(3 * width * height);
  for (let c = 0; c < 3; c++)
    for (let i = 0; i < width * height; i++) out[c * width * height + i] = data[i * 3 + c]! / 127.5 - 1;
  return out;
}
