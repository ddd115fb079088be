/** The shape of an attribute's vocabulary: ids stored in records, and the English they render to. */

/** One value of an attribute: the id stored in item records and the words the grammar uses. */
export interface AttributeValue {
  /** Stable id stored in records and keys (lower-case, kebab-case; labels are capital letters). */
  readonly id: string;
  /** The words the grammar places in the attribute's slot (e.g. `'in the top-left corner'`). */
  readonly text: string;
  /** Words after the noun for a value whose `text` goes before it (e.g. diagonal … "rising to the right"). */
  readonly after?: string;
  /** Overrides the attribute's placement for this value (e.g. view: "isometric" before the noun). */
  readonly placement?: 'before' | 'after';
}

/** An attribute with its defined vocabulary. */
export interface AttributeDefinition<Name extends string = string> {
  readonly name: Name;
  /** One line for the README and the UI. */
  readonly summary: string;
  /** Where the grammar puts the value: before the noun, after it, or in a construction of its own. */
  readonly placement: 'before' | 'after' | 'special';
  readonly values: readonly AttributeValue[];
}

/** Values whose text is their id ("red" → "red"). */
export function plainValues(...ids: readonly string[]): readonly AttributeValue[] {
  return ids.map((id) => ({ id, text: id }));
}

/** Values from `[id, text]` pairs. */
export function textValues(...pairs: ReadonlyArray<readonly [string, string]>): readonly AttributeValue[] {
  return pairs.map(([id, text]) => ({ id, text }));
}
