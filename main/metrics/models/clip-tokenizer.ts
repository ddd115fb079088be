/**
 * CLIP's tokenizer, read from the model folder's tokenizer.json by transformers.js, fully offline
 * (remote models disabled). Texts are padded and truncated to CLIP's 77-token context; a text
 * longer than that is flagged so the score's provenance can say its tail was not seen.
 */
import path from 'node:path';

/** CLIP's context length. */
export const CLIP_CONTEXT = 77;

/** Token ids and masks of a batch of texts, row-major [texts, 77]. */
export interface ClipTokens {
  readonly inputIds: BigInt64Array;
  readonly attentionMask: BigInt64Array;
  /** Per text: whether it was cut at 77 tokens. */
  readonly truncated: ReadonlyArray<boolean>;
}

/** A loaded tokenizer. */
export interface ClipTokenizer {
  tokenize(texts: ReadonlyArray<string>): ClipTokens;
}

interface TensorLike {
  readonly data: ArrayLike<bigint | number>;
  readonly dims: ReadonlyArray<number>;
}
type Encode = (
  texts: string | string[],
  options?: Record<string, unknown>,
) => { input_ids: TensorLike; attention_mask: TensorLike };

/** Loads the tokenizer of the CLIP folder `folder`. */
export async function loadClipTokenizer(folder: string): Promise<ClipTokenizer> {
  const transformers = await import('@huggingface/transformers');
  transformers.env.allowRemoteModels = false; // the workbench never fetches models
  transformers.env.localModelPath = `${path.dirname(folder)}${path.sep}`;
  const tokenizer = (await transformers.AutoTokenizer.from_pretrained(
    path.basename(folder),
  )) as unknown as Encode;
  const empty = tokenizer('').input_ids.data; // [<|startoftext|>, <|endoftext|>]
  const endOfText = BigInt(empty[empty.length - 1]!);
  return {
    tokenize: (texts) => {
      const list = [...texts];
      const encoded = tokenizer(list, { padding: 'max_length', max_length: CLIP_CONTEXT, truncation: true });
      const truncated = list.map((text) => tokenizer(text).input_ids.dims.at(-1)! > CLIP_CONTEXT);
      const big = (t: TensorLike): BigInt64Array => BigInt64Array.from(Array.from(t.data, (v) => BigInt(v)));
      const inputIds = big(encoded.input_ids);
      // transformers.js cuts after adding the special tokens, losing <|endoftext|>; CLIP pools at
      // that token, so put it back in the last slot, as OpenAI's clip.tokenize and HF tokenizers do.
      truncated.forEach((cut, row) => {
        if (cut) inputIds[row * CLIP_CONTEXT + CLIP_CONTEXT - 1] = endOfText;
      });
      return { inputIds, attentionMask: big(encoded.attention_mask), truncated };
    },
  };
}
