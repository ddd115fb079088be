/**
 * English morphology for the grammar: a/an by sound, plurals, number words. Written for the
 * generator's vocabulary but correct for ordinary English words too (see the unit tests).
 */

/** Letters whose spoken name starts with a vowel sound: "an F", "an L-shape", "an x-mark". */
const VOWEL_SOUND_LETTERS = new Set(['a', 'e', 'f', 'h', 'i', 'l', 'm', 'n', 'o', 'r', 's', 'x']);

/** Vowel-letter starts that sound like a consonant ("a unicorn", "a one-way", "a European"). */
const CONSONANT_SOUND_STARTS = [
  'uni',
  'use',
  'usu',
  'uti',
  'ute',
  'ura',
  'ure',
  'uri',
  'uro',
  'unan',
  'ubiq',
  'ufo',
  'uku',
  'eu',
  'ewe',
  'one',
  'once',
  'ouija',
];

/** Exceptions to the exceptions: "an unimportant", "an uninteresting", "an unidentified", "an onerous". */
const VOWEL_SOUND_STARTS = ['unim', 'unin', 'unid', 'oner', 'hour', 'honest', 'honor', 'honour', 'heir'];

const articleCache = new Map<string, 'a' | 'an'>();

/** The indefinite article for a phrase, chosen by the sound of its first word. */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = phrase.trimStart().split(/[\s,]/, 1)[0] ?? '';
  let article = articleCache.get(word);
  if (article === undefined) {
    article = articleForWord(word);
    if (articleCache.size < 10_000) articleCache.set(word, article);
  }
  return article;
}

function articleForWord(word: string): 'a' | 'an' {
  if (/^\d/.test(word)) return /^(8|1[18](?!\d)|1[18]\d{3}(?!\d))/.test(word) ? 'an' : 'a';
  if (/^[a-z](-|$)/i.test(word) || /^[A-Z]{2,3}$/.test(word)) {
    return VOWEL_SOUND_LETTERS.has(word.charAt(0).toLowerCase()) ? 'an' : 'a';
  }
  const lower = word.toLowerCase();
  if (VOWEL_SOUND_STARTS.some((start) => lower.startsWith(start))) return 'an';
  if (CONSONANT_SOUND_STARTS.some((start) => lower.startsWith(start))) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** The phrase with its indefinite article: "an orange circle", "a U-shape". */
export function withIndefiniteArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/**
 * Classical plurals for geometric nouns, chosen once and used everywhere: -us → -i
 * (rhombi, tori), -hedron → -hedra. Everything else is regular.
 */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  rhombus: 'rhombi',
  torus: 'tori',
  radius: 'radii',
  polyhedron: 'polyhedra',
  tetrahedron: 'tetrahedra',
  octahedron: 'octahedra',
  dodecahedron: 'dodecahedra',
  icosahedron: 'icosahedra',
  ellipsis: 'ellipses',
  axis: 'axes',
  vertex: 'vertices',
};

/** The plural of a noun phrase; only its last word changes ("plus sign" → "plus signs"). */
export function pluralize(noun: string): string {
  const cut = Math.max(noun.lastIndexOf(' '), noun.lastIndexOf('-')) + 1;
  const head = noun.slice(0, cut);
  const last = noun.slice(cut);
  const irregular = IRREGULAR_PLURALS[last.toLowerCase()];
  if (irregular) return head + irregular;
  if (/(s|x|z|ch|sh)$/i.test(last)) return `${head}${last}es`;
  if (/[^aeiou]y$/i.test(last)) return `${head}${last.slice(0, -1)}ies`;
  return `${head}${last}s`;
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** The English word for a small count (0–12); counts are never written as digits. */
export function numberWord(n: number): string {
  const word = NUMBER_WORDS[n];
  if (word === undefined) throw new RangeError(`no number word for ${n}`);
  return word;
}
