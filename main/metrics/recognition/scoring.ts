/**
 * Scoring of the recognition task (a model reads drawing code and names the concept): accuracy
 * for multiple choice; for free-form answers a normalised string/synonym match and the retrieval
 * percentile of the answer's CLIP text embedding among the category's descriptions (both stored).
 */
import { cosineSimilarity, fidelityPercentile, type FidelityRank } from '../fidelity/percentile.js';

/** Version of the recognition scoring, recorded in provenance. */
export const RECOGNITION_IMPLEMENTATION_VERSION = 'recognition-scoring-1';

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * Lower-case, Unicode-compatibility-folded, punctuation removed, articles dropped, whitespace
 * collapsed: "The Red-Circle." → "red circle".
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0 && !ARTICLES.has(word))
    .join(' ');
}

/** How a free-form answer matched (or `none`). */
export type AnswerMatch = 'exact' | 'synonym' | 'contains' | 'none';

/**
 * Matches a free-form answer against the true description and its synonyms: equal after
 * normalisation (`exact`/`synonym`), or containing one of them as a whole-word phrase
 * (`contains`: "it is a red circle" answers "red circle").
 */
export function matchFreeForm(
  answer: string,
  truth: string,
  synonyms: ReadonlyArray<string> = [],
): AnswerMatch {
  const said = normaliseAnswer(answer);
  if (said.length === 0) return 'none';
  const target = normaliseAnswer(truth);
  if (said === target) return 'exact';
  const alternatives = synonyms.map(normaliseAnswer).filter((s) => s.length > 0);
  if (alternatives.includes(said)) return 'synonym';
  const padded = ` ${said} `;
  if ([target, ...alternatives].some((t) => t.length > 0 && padded.includes(` ${t} `))) return 'contains';
  return 'none';
}

/** One multiple-choice answer: the option chosen (null when none could be parsed) and the correct one. */
export interface ChoiceAnswer {
  readonly chosen: string | null;
  readonly correct: string;
}

/** Fraction of answers whose chosen option equals the correct one (normalised); unparsed count as wrong. */
export function multipleChoiceAccuracy(answers: ReadonlyArray<ChoiceAnswer>): {
  readonly accuracy: number;
  readonly n: number;
  readonly unparsed: number;
} {
  if (answers.length === 0) throw new RangeError('no answers to score');
  let correct = 0;
  let unparsed = 0;
  for (const a of answers) {
    if (a.chosen === null) unparsed += 1;
    else if (normaliseAnswer(a.chosen) === normaliseAnswer(a.correct)) correct += 1;
  }
  return { accuracy: correct / answers.length, n: answers.length, unparsed };
}

/** The answer's retrieval percentile among the category's descriptions (CLIP text embeddings). */
export function retrievalPercentile(
  answerEmbedding: ArrayLike<number>,
  descriptionEmbeddings: ReadonlyArray<ArrayLike<number>>,
  trueIndex: number,
): FidelityRank {
  return fidelityPercentile(
    descriptionEmbeddings.map((e) => cosineSimilarity(answerEmbedding, e)),
    trueIndex,
  );
}
