/**
 * The metric models the workbench knows: where they come from, their licence, and the exact
 * input/output signature a file must have to be used. Hashes are recorded when a file is imported
 * (an ONNX export's bytes depend on the exporter's versions, so no single published hash exists
 * for them); every score records the hash of the file that produced it.
 */

/** Ids of the metric models. */
export const METRIC_MODEL_IDS = ['fid-inception', 'lpips-alex', 'clip-vit-b32'] as const;
/** A metric model id. */
export type MetricModelId = (typeof METRIC_MODEL_IDS)[number];

/** One tensor of a model's signature. */
export interface TensorSpec {
  readonly name: string;
  readonly type: 'float32' | 'int64';
  /** Dims; a string is a symbolic (free) dim. */
  readonly dims: ReadonlyArray<number | string>;
  readonly note?: string;
}

/** One ONNX file of a model, relative to the model's folder, with its signature. */
export interface ModelFileSpec {
  readonly file: string;
  readonly inputs: ReadonlyArray<TensorSpec>;
  readonly outputs: ReadonlyArray<TensorSpec>;
}

/** A registry entry. */
export interface MetricModelSpec {
  readonly id: MetricModelId;
  readonly name: string;
  readonly version: string;
  readonly metric: string;
  readonly sourceUrl: string;
  readonly license: string;
  /** Known sha256 of the reference weights the export starts from (not of the ONNX file). */
  readonly weightsSha256: string | null;
  readonly onnx: ReadonlyArray<ModelFileSpec>;
  /** Further files the folder must hold (tokenizer, configs). */
  readonly extraFiles: ReadonlyArray<string>;
}

const images = (name: string, side: number | string, note: string): TensorSpec => ({
  name,
  type: 'float32',
  dims: ['batch', 3, side, side],
  note,
});

/** Every metric model. */
export const METRIC_MODELS: Readonly<Record<MetricModelId, MetricModelSpec>> = {
  'fid-inception': {
    id: 'fid-inception',
    name: 'FID Inception-v3 (TF 2015-12-05 weights, as pytorch-fid / clean-fid)',
    version: 'pt_inception-2015-12-05',
    metric: 'FID / KID features (pool3, 2048-d)',
    sourceUrl:
      'https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/pt_inception-2015-12-05-6726825d.pth',
    license: 'Apache-2.0 (pytorch-fid; TensorFlow Inception weights)',
    weightsSha256: null,
    onnx: [
      {
        file: 'model.onnx',
        inputs: [images('images', 299, '[0, 255], clean-fid resized; the graph normalises (x − 128) / 128')],
        outputs: [{ name: 'features', type: 'float32', dims: ['batch', 2048] }],
      },
    ],
    extraFiles: [],
  },
  'lpips-alex': {
    id: 'lpips-alex',
    name: 'LPIPS AlexNet-lin v0.1',
    version: '0.1',
    metric: 'diversity (mean pairwise LPIPS)',
    sourceUrl: 'https://github.com/richzhang/PerceptualSimilarity (lpips package, weights v0.1/alex.pth)',
    license: 'BSD-2-Clause (LPIPS); AlexNet weights from torchvision (BSD-3-Clause)',
    weightsSha256: null,
    onnx: [
      {
        file: 'model.onnx',
        inputs: [
          { name: 'image_a', type: 'float32', dims: ['batch', 3, 'height', 'width'], note: '[-1, 1]' },
          { name: 'image_b', type: 'float32', dims: ['batch', 3, 'height', 'width'], note: '[-1, 1]' },
        ],
        outputs: [{ name: 'distance', type: 'float32', dims: ['batch'] }],
      },
    ],
    extraFiles: [],
  },
  'clip-vit-b32': {
    id: 'clip-vit-b32',
    name: 'CLIP ViT-B/32 (OpenAI), transformers.js folder layout',
    version: 'openai/clip-vit-base-patch32',
    metric: 'fidelity (CLIP similarity percentile), CLIP score, free-form recognition retrieval',
    sourceUrl: 'https://huggingface.co/Xenova/clip-vit-base-patch32',
    license: 'MIT (OpenAI CLIP)',
    weightsSha256: null,
    onnx: [
      {
        file: 'onnx/vision_model.onnx',
        inputs: [images('pixel_values', 224, 'CLIP-normalised')],
        outputs: [{ name: 'image_embeds', type: 'float32', dims: ['batch', 'dim'] }],
      },
      {
        file: 'onnx/text_model.onnx',
        inputs: [
          { name: 'input_ids', type: 'int64', dims: ['batch', 77] },
          { name: 'attention_mask', type: 'int64', dims: ['batch', 77] },
        ],
        outputs: [{ name: 'text_embeds', type: 'float32', dims: ['batch', 'dim'] }],
      },
    ],
    extraFiles: ['config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'],
  },
};
