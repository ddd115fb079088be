/**
 * Which option a multiple-choice answer chose. The prompt asks for the option's number only, but
 * models also answer "Option 3.", "**3** (a cat)", "It draws a cat" or echo code. Read, in order:
 * 1. a number 1..K that opens the answer (after markup and a word like "Option" or "Answer:");
 * 2. an option's text said in the answer (whole words, after normalisation); when several are,
 *    the one said first, and of options said at one place the longest ("red house" over "house");
 * 3. the first number 1..K standing alone anywhere (not part of a word, a decimal or a range).
 * Nothing found → null (scored as wrong, and counted as "unparsed" in the confusion).
 */
import { normaliseAnswer } from '../../metrics/recognition/scoring.js';

const LEADING_NUMBER =
  /^[\s*_#>`"'([-]*(?:(?:option|answer|choice|number)\s*(?:is\s*)?[:#]?\s*[*_`"'([]*)?(\d+)(?![\d\p{L}]|[.,]\d)/iu;
const STANDALONE_NUMBER = /(?<![\p{L}\p{N}.,\-_/])(\d+)(?![\p{L}\p{N}_/]|[.,-]\d)/gu;

function inRange(text: string | undefined, count: number): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= count ? n : null;
}

function leadingNumber(answer: string, count: number): number | null {
  return inRange(LEADING_NUMBER.exec(answer.trim())?.[1], count);
}

function textMatch(answer: string, candidates: ReadonlyArray<string>): string | null {
  const said = ` ${normaliseAnswer(answer)} `;
  let best: { readonly at: number; readonly length: number; readonly option: string } | null = null;
  for (const option of candidates) {
    const phrase = normaliseAnswer(option);
    if (phrase.length === 0) continue;
    const at = said.indexOf(` ${phrase} `);
    if (at < 0) continue;
    const better = !best || at < best.at || (at === best.at && phrase.length > best.length);
    if (better) best = { at, length: phrase.length, option };
  }
  return best?.option ?? null;
}

function standaloneNumber(answer: string, count: number): number | null {
  for (const match of answer.matchAll(STANDALONE_NUMBER)) {
    const n = inRange(match[1], count);
    if (n !== null) return n;
  }
  return null;
}

/** The option an answer chose among `candidates` (shown numbered from 1), or null. */
export function parseChoice(answer: string, candidates: ReadonlyArray<string>): string | null {
  const leading = leadingNumber(answer, candidates.length);
  if (leading !== null) return candidates[leading - 1]!;
  const byText = textMatch(answer, candidates);
  if (byText !== null) return byText;
  const anywhere = standaloneNumber(answer, candidates.length);
  return anywhere === null ? null : candidates[anywhere - 1]!;
}
