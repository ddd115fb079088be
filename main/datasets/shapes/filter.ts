/** Checking a filter, and applying it to templates (a filtered template is still a product). */
import type { Axis, Template } from './templates/template.js';
import { SHAPE_CATEGORIES, type FieldName, type ShapeFilter } from './types.js';
import { attributeDefinition, isAttributeValue } from './vocabulary/attributes.js';
import { isShapeId } from './vocabulary/shapes.js';

/** The problems with a filter (unknown categories, shapes, attributes or values); empty when valid. */
export function checkFilter(filter: ShapeFilter): readonly string[] {
  const problems: string[] = [];
  for (const category of filter.categories ?? []) {
    if (!SHAPE_CATEGORIES.includes(category)) problems.push(`unknown category '${category}'`);
  }
  for (const id of [...(filter.shapes ?? []), ...(filter.referenceShapes ?? [])]) {
    if (!isShapeId(id)) problems.push(`unknown shape '${id}'`);
  }
  for (const [key, ids] of Object.entries(filter.attributes ?? {})) {
    if (!attributeDefinition(key)) problems.push(`unknown attribute '${key}'`);
    else
      for (const id of ids ?? [])
        if (!isAttributeValue(key, id)) problems.push(`unknown value '${id}' for '${key}'`);
  }
  return problems;
}

/** The filter as field → allowed ids (absent fields are unconstrained). */
function constraints(filter: ShapeFilter): ReadonlyMap<FieldName, ReadonlySet<string>> {
  const map = new Map<FieldName, ReadonlySet<string>>();
  if (filter.shapes) map.set('shape', new Set(filter.shapes));
  if (filter.referenceShapes) map.set('referenceShape', new Set(filter.referenceShapes));
  for (const [key, ids] of Object.entries(filter.attributes ?? {})) {
    if (ids) map.set(key as FieldName, new Set(ids));
  }
  return map;
}

/**
 * The axes of `template` restricted by `filter`, or null when no item of the template passes
 * (wrong category, a constrained field the template lacks, or an axis left empty).
 */
export function restrictTemplate(template: Template, filter: ShapeFilter): readonly Axis[] | null {
  if (filter.categories && !filter.categories.includes(template.category)) return null;
  const fields = constraints(filter);
  for (const field of fields.keys()) {
    if (!template.axes.some((axis) => axis.fields.includes(field))) return null;
  }
  const axes = template.axes.map((axis) => {
    const checks = axis.fields.map((field) => fields.get(field));
    if (checks.every((check) => check === undefined)) return axis;
    const values = axis.values.filter((tuple) =>
      checks.every((check, i) => !check || check.has(tuple[i] ?? '')),
    );
    return { fields: axis.fields, values };
  });
  return axes.some((axis) => axis.values.length === 0) ? null : axes;
}
