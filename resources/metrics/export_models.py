#!/usr/bin/env python3
"""Export the metric models of the Vision Check-up Workbench to ONNX, with exactly the inputs and
outputs the workbench expects, and print the sha256 of every file written.

The workbench never downloads or converts models itself (it runs offline); run this once on a
machine with PyTorch and internet access, then import the folders:

    pip install torch torchvision pytorch-fid lpips transformers onnx onnxruntime
    python export_models.py --out ./metric-models            # all three
    python export_models.py --out ./metric-models --only lpips-alex
    vcheck metrics import-model fid-inception ./metric-models/fid-inception   # or copy the folder to
                                   # <data dir>/models/metrics/<id>/ by hand

What is exported (the workbench checks names, element types and fixed dims when it opens a file):

fid-inception/model.onnx
    images   float32 [batch, 3, 299, 299]  RGB in [0, 255], already resized to 299x299 the
             clean-fid way (Pillow bicubic per channel in float32; the workbench does this)
    features float32 [batch, 2048]         pool3 features
    Weights: pytorch-fid's port of the TF Inception graph (pt_inception-2015-12-05-6726825d.pth).
    The graph starts with (x - 128) / 128, the TF graph's own normalisation that clean-fid uses
    (pytorch-fid's normalize_input computes 2x - 1 on [0, 1], i.e. (x - 127.5) / 127.5; the two
    differ by < 0.4% of a step and move FID slightly — recorded as this model's preprocessing).

lpips-alex/model.onnx
    image_a, image_b float32 [batch, 3, height, width] in [-1, 1]
    distance         float32 [batch]
    Weights: lpips package, net='alex', version='0.1' (linear layers on torchvision AlexNet).

clip-vit-b32/   (the folder layout transformers.js reads)
    config.json, preprocessor_config.json, tokenizer.json, tokenizer_config.json, ...
    onnx/vision_model.onnx  pixel_values float32 [batch, 3, 224, 224] -> image_embeds float32 [batch, 512]
    onnx/text_model.onnx    input_ids, attention_mask int64 [batch, 77] -> text_embeds float32 [batch, 512]
    Weights: openai/clip-vit-base-patch32 (Hugging Face). Embeddings are the projected, not yet
    normalised, CLIP embeddings (the workbench L2-normalises them).

Each export is checked with onnxruntime (when installed) against PyTorch on random inputs; a
mismatch above 1e-4 (relative to the output scale) stops the script.
"""
import argparse
import hashlib
import json
import os
import sys

import torch

OPSET = 17


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def check_with_onnxruntime(path, module, inputs, input_names, output_name):
    """Runs the exported file and the PyTorch module on the same inputs; fails on a mismatch."""
    try:
        import onnxruntime as ort
    except ImportError:
        print(f'  (onnxruntime not installed: {path} not checked)')
        return
    session = ort.InferenceSession(path, providers=['CPUExecutionProvider'])
    feeds = {name: value.numpy() for name, value in zip(input_names, inputs)}
    got = session.run([output_name], feeds)[0]
    with torch.no_grad():
        want = module(*inputs).numpy()
    scale = max(1e-12, float(abs(want).max()))
    error = float(abs(got - want).max()) / scale
    print(f'  onnxruntime vs PyTorch: max relative error {error:.2e}')
    if error > 1e-4:
        sys.exit(f'{path}: exported graph disagrees with PyTorch ({error:.2e})')


def export(module, inputs, path, input_names, output_names, dynamic_axes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    module.eval()
    torch.onnx.export(module, tuple(inputs), path, input_names=input_names, output_names=output_names,
                      dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True)
    check_with_onnxruntime(path, module, inputs, input_names, output_names[0])


class FidInception(torch.nn.Module):
    """pytorch-fid's FID Inception-v3 up to pool3, fed [0, 255] images of 299x299."""

    def __init__(self):
        super().__init__()
        from pytorch_fid.inception import InceptionV3
        block = InceptionV3.BLOCK_INDEX_BY_DIM[2048]
        # resize_input=False: the workbench resizes (clean-fid style); normalize_input=False: done below.
        self.net = InceptionV3([block], resize_input=False, normalize_input=False, use_fid_inception=True)

    def forward(self, images):
        x = (images - 128.0) / 128.0
        return self.net(x)[0].flatten(1)


class LpipsPair(torch.nn.Module):
    """LPIPS AlexNet-lin v0.1 on two batches in [-1, 1], one distance per pair."""

    def __init__(self):
        super().__init__()
        import lpips
        self.net = lpips.LPIPS(net='alex', version='0.1', verbose=False)

    def forward(self, image_a, image_b):
        return self.net(image_a, image_b, normalize=False).reshape(-1)


def export_fid_inception(out):
    path = os.path.join(out, 'fid-inception', 'model.onnx')
    images = torch.rand(2, 3, 299, 299) * 255
    export(FidInception(), [images], path, ['images'], ['features'],
           {'images': {0: 'batch'}, 'features': {0: 'batch'}})
    return [path]


def export_lpips(out):
    path = os.path.join(out, 'lpips-alex', 'model.onnx')
    a = torch.rand(2, 3, 64, 64) * 2 - 1
    b = torch.rand(2, 3, 64, 64) * 2 - 1
    dims = {0: 'batch', 2: 'height', 3: 'width'}
    export(LpipsPair(), [a, b], path, ['image_a', 'image_b'], ['distance'],
           {'image_a': dims, 'image_b': dims, 'distance': {0: 'batch'}})
    return [path]


class ClipVision(torch.nn.Module):
    def __init__(self, name):
        super().__init__()
        from transformers import CLIPVisionModelWithProjection
        self.net = CLIPVisionModelWithProjection.from_pretrained(name)

    def forward(self, pixel_values):
        return self.net(pixel_values=pixel_values).image_embeds


class ClipText(torch.nn.Module):
    def __init__(self, name):
        super().__init__()
        from transformers import CLIPTextModelWithProjection
        self.net = CLIPTextModelWithProjection.from_pretrained(name)

    def forward(self, input_ids, attention_mask):
        return self.net(input_ids=input_ids, attention_mask=attention_mask).text_embeds


def export_clip(out, name='openai/clip-vit-base-patch32'):
    from transformers import CLIPConfig, CLIPImageProcessor, CLIPTokenizerFast
    folder = os.path.join(out, 'clip-vit-b32')
    os.makedirs(folder, exist_ok=True)
    CLIPConfig.from_pretrained(name).save_pretrained(folder)            # config.json (model_type clip)
    CLIPImageProcessor.from_pretrained(name).save_pretrained(folder)    # preprocessor_config.json
    tokenizer = CLIPTokenizerFast.from_pretrained(name)
    tokenizer.save_pretrained(folder)                                  # tokenizer.json, tokenizer_config.json
    vision = os.path.join(folder, 'onnx', 'vision_model.onnx')
    export(ClipVision(name), [torch.randn(2, 3, 224, 224)], vision, ['pixel_values'], ['image_embeds'],
           {'pixel_values': {0: 'batch'}, 'image_embeds': {0: 'batch'}})
    tokens = tokenizer(['a red circle', 'a drawing of a cat'], padding='max_length', max_length=77,
                       truncation=True, return_tensors='pt')
    text = os.path.join(folder, 'onnx', 'text_model.onnx')
    export(ClipText(name), [tokens['input_ids'], tokens['attention_mask']], text,
           ['input_ids', 'attention_mask'], ['text_embeds'],
           {'input_ids': {0: 'batch'}, 'attention_mask': {0: 'batch'}, 'text_embeds': {0: 'batch'}})
    return [vision, text]


EXPORTERS = {'fid-inception': export_fid_inception, 'lpips-alex': export_lpips, 'clip-vit-b32': export_clip}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', required=True, help='output folder (one sub-folder per model)')
    parser.add_argument('--only', choices=sorted(EXPORTERS), action='append', help='export only these')
    args = parser.parse_args()
    written = {}
    for model_id in args.only or list(EXPORTERS):
        print(f'exporting {model_id} ...')
        for path in EXPORTERS[model_id](args.out):
            written[os.path.relpath(path, args.out)] = sha256(path)
    print(json.dumps({'torch': torch.__version__, 'opset': OPSET, 'sha256': written}, indent=2))


if __name__ == '__main__':
    main()
