/** The bridge from a generated shape item to the common concept item every source produces. */
import type { ConceptItem } from '../concept-item.js';
import type { ShapeItem } from './types.js';

/**
 * A shape item as a {@link ConceptItem}: category `shapes`, the item's own category and shapes
 * kept as the attributes `shapeCategory`, `shape` and `referenceShape`, beside its 32-attribute
 * values, so results can be sliced by any of them.
 */
export function toConceptItem(item: ShapeItem): ConceptItem {
  const [shape, referenceShape] = item.shapes;
  return {
    key: item.key,
    text: item.description,
    category: 'shapes',
    attributes: {
      shapeCategory: item.category,
      ...(shape === undefined ? {} : { shape }),
      ...(referenceShape === undefined ? {} : { referenceShape }),
      ...item.attributes,
    },
  };
}
