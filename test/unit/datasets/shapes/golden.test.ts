import { describe as suite, expect, it } from 'vitest';
import {
  describe,
  enumerateSpace,
  itemKey,
  type ShapeFilter,
  type ShapeRecord,
} from '../../../../main/datasets/shapes/index.js';

/** Hand-written English a person expects for these records. */
const GOLDEN: ReadonlyArray<readonly [ShapeRecord, string]> = [
  [
    {
      category: 'composition',
      shapes: ['triangle'],
      attributes: { arrangement: 'row', colour: 'green', count: '3' },
    },
    'three green triangles in a row',
  ],
  [
    {
      category: 'composition',
      shapes: ['star', 'hexagon'],
      attributes: { colour: 'yellow', referenceColour: 'purple', relation: 'inside' },
    },
    'a yellow star inside a purple hexagon',
  ],
  [
    {
      category: 'line',
      shapes: ['line'],
      attributes: { lineStyle: 'dotted', lineStart: 'top-left', lineEnd: 'bottom-right' },
    },
    'a dotted line from the top-left corner to the bottom-right corner',
  ],
  [
    {
      category: 'shape-2d',
      shapes: ['circle'],
      attributes: { size: 'small', colour: 'red', position: 'top-left' },
    },
    'a small red circle in the top-left corner',
  ],
  [
    { category: 'shape-3d', shapes: ['cube'], attributes: { view: 'isometric', colour: 'blue' } },
    'an isometric blue cube',
  ],
  [
    {
      category: 'shape-2d',
      shapes: ['square'],
      attributes: { size: 'small', fill: 'striped', colour: 'red' },
    },
    'a small striped red square',
  ],
  [
    {
      category: 'composition',
      shapes: ['rhombus'],
      attributes: { count: '4', arrangement: 'grid', size: 'large', colour: 'blue' },
    },
    'four large blue rhombi in a grid',
  ],
  [
    {
      category: 'composition',
      shapes: ['cross'],
      attributes: { count: '5', arrangement: 'circle', spacing: 'even', fill: 'solid', colour: 'black' },
    },
    'five evenly spaced solid black crosses in a circle',
  ],
  [
    {
      category: 'line',
      shapes: ['double-headed-arrow'],
      attributes: {
        lineWeight: 'extra-thick',
        colour: 'orange',
        lineStart: 'top',
        lineEnd: 'centre',
        arrowhead: 'open',
      },
    },
    'an extra-thick orange double-headed arrow from the middle of the top edge to the centre, with open arrowheads',
  ],
  [
    {
      category: 'line',
      shapes: ['arrow'],
      attributes: {
        lineWeight: 'thin',
        colour: 'grey',
        lineStart: 'left',
        lineEnd: 'right',
        arrowhead: 'open',
      },
    },
    'a thin grey arrow from the middle of the left edge to the middle of the right edge, with an open arrowhead',
  ],
  [
    {
      category: 'line',
      shapes: ['line'],
      attributes: {
        count: '3',
        spacing: 'even',
        lineStyle: 'dashed',
        colour: 'red',
        lineOrientation: 'rising',
      },
    },
    'three evenly spaced dashed red diagonal lines rising to the right',
  ],
  [
    {
      category: 'line',
      shapes: ['line'],
      attributes: {
        lineLength: 'long',
        lineWeight: 'thick',
        lineStyle: 'dashed',
        colour: 'blue',
        lineOrientation: 'vertical',
        position: 'left',
      },
    },
    'a long thick dashed blue vertical line on the left',
  ],
  [
    { category: 'shape-2d', shapes: ['octagon'], attributes: { position: 'centre', background: 'black' } },
    'an octagon in the centre on a black background',
  ],
  [
    { category: 'shape-2d', shapes: ['u-shape'], attributes: { position: 'top', background: 'graph-paper' } },
    'a U-shape at the top on graph paper',
  ],
  [
    { category: 'shape-2d', shapes: ['l-shape'], attributes: { position: 'bottom', background: 'white' } },
    'an L-shape at the bottom on a white background',
  ],
  [
    {
      category: 'shape-2d',
      shapes: ['star'],
      attributes: { colour: 'yellow', outlineColour: 'black', lineWeight: 'thick' },
    },
    'a yellow star with a thick black outline',
  ],
  [
    {
      category: 'shape-2d',
      shapes: ['triangle'],
      attributes: { size: 'large', fill: 'checkered', colour: 'pink', pointing: 'left' },
    },
    'a large checkered pink triangle pointing left',
  ],
  [
    {
      category: 'shape-3d',
      shapes: ['cube'],
      attributes: { size: 'large', finish: 'glossy', colour: 'red', material: 'wooden' },
    },
    'a large glossy red wooden cube',
  ],
  [
    { category: 'shape-3d', shapes: ['icosahedron'], attributes: { lighting: 'left', shadow: 'soft' } },
    'an icosahedron lit from the left and casting a soft shadow',
  ],
  [
    {
      category: 'point',
      shapes: ['x-mark'],
      attributes: { colour: 'orange', label: 'A', position: 'centre' },
    },
    'an orange x-mark labelled A in the centre',
  ],
  [
    {
      category: 'composition',
      shapes: ['square'],
      attributes: { count: '3', arrangement: 'nested', fill: 'striped', colour: 'red' },
    },
    'three striped red squares nested inside each other',
  ],
  [
    {
      category: 'composition',
      shapes: ['circle'],
      attributes: { count: '5', arrangement: 'row', sizeProgression: 'increasing', colour: 'red' },
    },
    'five red circles of increasing size in a row',
  ],
  [
    {
      category: 'composition',
      shapes: ['torus', 'cube'],
      attributes: { colour: 'red', referenceColour: 'blue', relation: 'on-top-of' },
    },
    'a red torus on top of a blue cube',
  ],
  [
    {
      category: 'shape-2d',
      shapes: ['ellipse'],
      attributes: { transparency: 'semi-transparent', colour: 'orange', background: 'sky-blue' },
    },
    'a semi-transparent orange ellipse on a sky-blue background',
  ],
];

/** The filter that selects exactly the items having all of a record's fields (and maybe more). */
function filterFor(record: ShapeRecord): ShapeFilter {
  const attributes = Object.fromEntries(
    Object.entries(record.attributes).map(([key, id]) => [key, [id ?? '']]),
  );
  return {
    categories: [record.category],
    shapes: [record.shapes[0] ?? ''],
    ...(record.shapes[1] ? { referenceShapes: [record.shapes[1]] } : {}),
    attributes,
  };
}

suite('golden descriptions', () => {
  it.each(GOLDEN.map(([record, text]) => [text, record] as const))('renders "%s"', (text, record) => {
    expect(describe(record)).toBe(text);
  });

  it('finds every golden record in the space, with the same description', () => {
    const missing = GOLDEN.filter(([record, text]) => {
      const key = itemKey(record);
      return ![...enumerateSpace(filterFor(record))].some(
        (item) => item.key === key && item.description === text,
      );
    }).map(([, text]) => text);
    expect(missing).toEqual([]);
  });

  it('refuses records it cannot describe', () => {
    expect(() => describe({ category: 'shape-2d', shapes: [], attributes: {} })).toThrow(RangeError);
    expect(() => describe({ category: 'shape-2d', shapes: ['blob'], attributes: {} })).toThrow(
      /unknown shape/,
    );
    expect(() =>
      describe({ category: 'shape-2d', shapes: ['circle'], attributes: { colour: 'mauve' } }),
    ).toThrow(/mauve/);
    const unknownAttribute = { category: 'shape-2d', shapes: ['circle'], attributes: { hue: 'red' } };
    expect(() => describe(unknownAttribute as unknown as ShapeRecord)).toThrow(/unknown attribute 'hue'/);
  });
});
