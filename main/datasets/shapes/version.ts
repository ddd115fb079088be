/** The version of the shapes generator (vocabularies, templates, grammar); recorded with every set. */
export const SHAPES_GENERATOR_VERSION = '1.0.0';
