/**
 * The concept as the object of "draws …". The study's prompt is "draws a [concept]"; our concepts
 * come both bare ("wall", from the object categories) and with their own determiner ("a butterfly",
 * "five purple dots", "children flying kites", from shapes and scenes). Decision: a concept that
 * already starts with a determiner, a number or a plural noun is inserted as it is (never "a a cat");
 * a bare singular concept gets the indefinite article, chosen by sound ("an umbrella" where the
 * study's template would have written "a umbrella").
 */
import { indefiniteArticle } from '../../datasets/shapes/english.js';

const DETERMINERS = new Set(
  (
    'a an the this that these those some any several many few no each every either neither both all ' +
    'my your his her its our their one two three four five six seven eight nine ten eleven twelve ' +
    'twenty hundred dozens lots plenty another'
  ).split(' '),
);

/** Plurals that do not end in -s. */
const IRREGULAR_PLURAL_HEADS = new Set([
  'children',
  'people',
  'men',
  'women',
  'mice',
  'geese',
  'feet',
  'teeth',
]);

/** What follows a plural subject in a scene ("dogs playing", "birds on a wire"), unlike a compound ("clothes hanger"). */
const AFTER_PLURAL = new Set(
  'in on at with under over near by and around behind beside between from into inside outside are sitting'.split(
    ' ',
  ),
);

/** Singular nouns ending in -s: "a bus", "a glass", "a cactus", "a tennis racket", "a thermos". */
const SINGULAR_S = /(ss|us|is|os|as)$|^lens$/;

function needsArticle(concept: string): boolean {
  const words = concept
    .trim()
    .toLowerCase()
    .split(/[\s,]+/);
  const first = words[0] ?? '';
  if (first === '' || /^\d/.test(first) || DETERMINERS.has(first) || IRREGULAR_PLURAL_HEADS.has(first))
    return false;
  // A phrase led by a plural ("dogs playing", "birds on a wire", "stairs") reads right without one;
  // a compound led by one ("clothes hanger", "sports car") does not.
  const second = words[1];
  const pluralLed = second === undefined || second.endsWith('ing') || AFTER_PLURAL.has(second);
  if (first.endsWith('s') && !SINGULAR_S.test(first) && pluralLed) return false;
  return true;
}

/** "wall" → "a wall"; "umbrella" → "an umbrella"; "a butterfly" and "five dots" stay as they are. */
export function conceptPhrase(concept: string): string {
  const trimmed = concept.trim();
  return needsArticle(trimmed) ? `${indefiniteArticle(trimmed)} ${trimmed}` : trimmed;
}
