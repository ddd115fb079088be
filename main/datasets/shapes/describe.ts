/**
 * The grammar: turns a structured record into one English noun phrase. Adjectives before the
 * noun follow one fixed order (see README "Adjective order"); phrases after the noun follow
 * another. Articles are chosen by sound, counts are number words, plurals come from english.ts.
 *
 * A record's attribute names decide the shape of its sentence, so the work of ordering slots is
 * done once per set of names (a "plan") and reused for every record with the same names.
 */
import { indefiniteArticle, numberWord } from './english.js';
import { compareCodeUnits } from './order.js';
import type { AttributeKey, AttributeRecord, ShapeRecord } from './types.js';
import { attributeDefinition, attributeValues } from './vocabulary/attributes.js';
import type { AttributeValue } from './vocabulary/definition.js';
import { shapeNoun } from './vocabulary/shapes.js';

/** Adjective slots before the noun, outermost first: "five evenly spaced small striped red squares". */
export const BEFORE_NOUN_ORDER: readonly AttributeKey[] = [
  'spacing',
  'size',
  'lineLength',
  'lineWeight',
  'view',
  'drawingStyle',
  'aspect',
  'regularity',
  'linePath',
  'fill',
  'lineStyle',
  'transparency',
  'finish',
  'colour',
  'material',
  'lineOrientation',
];

/** Phrases after the noun whose value text is used as is, before the built ones and the places. */
const PLAIN_AFTER: readonly AttributeKey[] = ['sizeProgression', 'label', 'rotation', 'pointing', 'corners'];
const PLACE_AFTER: readonly AttributeKey[] = ['arrangement', 'position', 'background'];

/** Renders records whose attributes have exactly one set of names. */
export type DescriptionPlan = (record: ShapeRecord) => string;

/** One phrase of a sentence, read from the attributes ('' when it contributes nothing). */
type Slot = (attributes: AttributeRecord) => string;

/** Reads the value of `key` through a map prepared once (the grammar's inner loop). */
function reader(key: AttributeKey): (attributes: AttributeRecord) => AttributeValue {
  const values = attributeValues(key);
  return (attributes) => {
    const value = values.get(attributes[key] ?? '');
    if (!value) throw new RangeError(`unknown value '${attributes[key]}' for attribute '${key}'`);
    return value;
  };
}

function textSlot(key: AttributeKey): Slot {
  const read = reader(key);
  return (attributes) => read(attributes).text;
}

/** The adjectives before the noun, in slot order. */
function beforeSlots(keys: ReadonlySet<AttributeKey>): Slot[] {
  const slots: Slot[] = [];
  for (const key of BEFORE_NOUN_ORDER) {
    // With an outline, the weight belongs to the outline: "with a thick black outline".
    if (!keys.has(key) || (key === 'lineWeight' && keys.has('outlineColour'))) continue;
    const read = reader(key);
    slots.push(key === 'view' ? (a) => (read(a).placement === 'before' ? read(a).text : '') : textSlot(key));
  }
  return slots;
}

/** The phrases after the noun, in order (the arrowhead is added last, after a comma). */
function afterSlots(keys: ReadonlySet<AttributeKey>): Slot[] {
  const slots: Slot[] = [];
  const has = (key: AttributeKey): boolean => keys.has(key);
  if (has('lineOrientation')) {
    const read = reader('lineOrientation');
    slots.push((a) => read(a).after ?? '');
  }
  for (const key of PLAIN_AFTER) if (has(key)) slots.push(textSlot(key));
  if (has('outlineColour')) slots.push(outlineSlot(has('lineWeight')));
  if (has('view')) {
    const read = reader('view');
    slots.push((a) => (read(a).placement === 'before' ? '' : read(a).text));
  }
  const light = (['lighting', 'shadow'] as const).filter(has).map(textSlot);
  if (light.length > 0) slots.push((a) => light.map((slot) => slot(a)).join(' and '));
  if (has('lineStart') && has('lineEnd')) {
    const [start, end] = [textSlot('lineStart'), textSlot('lineEnd')];
    slots.push((a) => `from ${start(a)} to ${end(a)}`);
  }
  for (const key of PLACE_AFTER) if (has(key)) slots.push(textSlot(key));
  return slots;
}

function outlineSlot(weighted: boolean): Slot {
  const weight = weighted ? textSlot('lineWeight') : () => '';
  const colour = textSlot('outlineColour');
  return (a) => {
    const phrase = [weight(a), colour(a), 'outline'].filter(Boolean).join(' ');
    return `with ${indefiniteArticle(phrase)} ${phrase}`;
  };
}

/** "with an open arrowhead"; a double-headed arrow (or several arrows) gets "open arrowheads". */
function arrowheadPhrase(head: string, several: boolean): string {
  return several ? `with ${head} arrowheads` : `with ${indefiniteArticle(head)} ${head} arrowhead`;
}

function fill(slots: readonly Slot[], attributes: AttributeRecord, into: string[]): string[] {
  for (const slot of slots) {
    const phrase = slot(attributes);
    if (phrase !== '') into.push(phrase);
  }
  return into;
}

/** One object: determiner, adjectives, noun, then the phrases after it. */
function objectPlan(
  keys: ReadonlySet<AttributeKey>,
): (shapeId: string, attributes: AttributeRecord) => string {
  const before = beforeSlots(keys);
  const after = afterSlots(keys);
  return (shapeId, attributes) => {
    const noun = shapeNoun(shapeId);
    const count = attributes.count === undefined ? 1 : Number(attributes.count);
    const head = fill(before, attributes, []);
    head.push(count === 1 ? noun.singular : noun.plural);
    const words = [count === 1 ? indefiniteArticle(head[0] ?? '') : numberWord(count), ...head];
    const headLength = words.length;
    fill(after, attributes, words);
    if (attributes.arrowhead === undefined) return words.join(' ');
    // The comma keeps "… to the centre, with an open arrowhead" from reading as a place "with" something.
    if (words.length > headLength) words[words.length - 1] += ',';
    words.push(arrowheadPhrase(attributes.arrowhead, count > 1 || shapeId === 'double-headed-arrow'));
    return words.join(' ');
  };
}

/** A plan for records with these attribute names. */
function compilePlan(names: readonly AttributeKey[]): DescriptionPlan {
  if (!names.includes('relation')) {
    const object = objectPlan(new Set(names));
    return (record) => object(record.shapes[0] ?? '', record.attributes);
  }
  // "a yellow star inside a purple hexagon": main object, relation, reference object.
  const figure = objectPlan(
    new Set(names.filter((name) => name !== 'relation' && name !== 'referenceColour')),
  );
  const reference = objectPlan(new Set<AttributeKey>(names.includes('referenceColour') ? ['colour'] : []));
  const relation = textSlot('relation');
  return ({ attributes, shapes }) =>
    [
      figure(shapes[0] ?? '', attributes),
      relation(attributes),
      reference(shapes[1] ?? '', { colour: attributes.referenceColour }),
    ].join(' ');
}

const plans = new Map<string, DescriptionPlan>();

/** The plan for records with these attribute names (compiled once, then cached). */
export function descriptionPlan(names: readonly AttributeKey[]): DescriptionPlan {
  const sorted = [...names].sort(compareCodeUnits);
  const signature = sorted.join(',');
  let plan = plans.get(signature);
  if (!plan) plans.set(signature, (plan = compilePlan(sorted)));
  return plan;
}

/** The English description of a record: lower-case, no trailing punctuation. */
export function describe(record: ShapeRecord): string {
  if (record.shapes.length === 0) throw new RangeError('a record needs a shape');
  if (record.attributes.relation !== undefined && record.shapes.length < 2) {
    throw new RangeError('a relation needs two shapes');
  }
  const names = Object.keys(record.attributes);
  const unknown = names.find((name) => !attributeDefinition(name));
  if (unknown !== undefined) throw new RangeError(`unknown attribute '${unknown}'`);
  return descriptionPlan(names as AttributeKey[])(record);
}
