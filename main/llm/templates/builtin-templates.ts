/**
 * The study's prompts, as the built-in templates (version 1). Wording of the drawing and
 * recognition prompts follows "A Vision Check-up for Language Models" (CVPR 2024) exactly.
 */
import type { PromptTemplate } from './prompt-template.js';

const DRAW = 'write code in the programming language {language} that draws {concept|a}';
const CRITIQUE =
  'List what is wrong or missing in the drawing your code produces, compared with {concept|a}. ' +
  'Do not write any code yet.';

/** Built-in templates; a user edit is stored as the next version of the same id. */
export const BUILTIN_TEMPLATES: readonly PromptTemplate[] = [
  {
    id: 'draw',
    version: 1,
    task: 'draw',
    origin: 'builtin',
    description: 'The study’s drawing prompt.',
    messages: [{ role: 'user', content: DRAW }],
  },
  {
    id: 'draw-function',
    version: 1,
    task: 'draw-function',
    origin: 'builtin',
    description:
      'Parametrized-function variant for diversity: a function whose arguments change the drawing.',
    messages: [
      {
        role: 'user',
        content:
          'write code in the programming language {language} that defines a function which draws {concept|a}. ' +
          'The function takes parameters that change the drawing (such as position, size, colours and proportions), ' +
          'so that different arguments give different drawings of the same concept. ' +
          'Then call the function with these arguments: {arguments}',
      },
    ],
  },
  {
    // v2 is what the `param` draw strategy asks: numeric parameters with defaults, and a program
    // that calls the function, so the answer renders as it is and a setting only rewrites the call.
    id: 'draw-function',
    version: 2,
    task: 'draw-function',
    origin: 'builtin',
    description:
      'Parametrized-function prompt of the param strategy: numeric parameters with default values, then one call.',
    messages: [
      {
        role: 'user',
        content:
          'write code in the programming language {language} that defines a function which draws {concept|a}. ' +
          'Give the function numeric parameters with default values (such as position, size, proportions and counts), ' +
          'so that different arguments give different drawings of the same concept. ' +
          'Then write a complete program that calls the function once with its default values.',
      },
    ],
  },
  {
    id: 'recognise-free',
    version: 1,
    task: 'recognise-free',
    origin: 'builtin',
    description: 'The study’s recognition prompt, free-form answer.',
    messages: [{ role: 'user', content: 'What does the following piece of code generate?\n\n{code}' }],
  },
  {
    id: 'recognise-choice',
    version: 1,
    task: 'recognise-choice',
    origin: 'builtin',
    description: 'Recognition as multiple choice over candidate concepts.',
    messages: [
      {
        role: 'user',
        content:
          'What does the following piece of code generate?\n\n{code}\n\n' +
          'Choose one of these options and answer with its number only:\n{candidates}',
      },
    ],
  },
  {
    id: 'correct',
    version: 1,
    task: 'correct',
    origin: 'builtin',
    description: 'Self-correction with text feedback only: the model is asked to improve its own code.',
    messages: [
      { role: 'user', content: DRAW },
      { role: 'assistant', content: '{code}' },
      {
        role: 'user',
        content:
          'Improve your code so that it draws {concept|a} better. Answer with the complete improved code.',
      },
    ],
  },
  {
    id: 'correct-critique',
    version: 1,
    task: 'correct-critique',
    origin: 'builtin',
    description: 'Self-correction that asks for a critique first, then the rewritten code, in one answer.',
    messages: [
      { role: 'user', content: DRAW },
      { role: 'assistant', content: '{code}' },
      {
        role: 'user',
        content:
          'First list what is wrong or missing in the drawing your code produces, compared with {concept|a}. ' +
          'Then write the complete improved code.',
      },
    ],
  },
  {
    id: 'critique',
    version: 1,
    task: 'critique',
    origin: 'builtin',
    description: 'Self-correction, first call of two: the model critiques the drawing its code produces.',
    messages: [
      { role: 'user', content: DRAW },
      { role: 'assistant', content: '{code}' },
      { role: 'user', content: CRITIQUE },
    ],
  },
  {
    id: 'correct-critique',
    version: 2,
    task: 'correct-critique',
    origin: 'builtin',
    description:
      'Self-correction, second call of two: the model rewrites its code after its own critique ({critique}).',
    messages: [
      { role: 'user', content: DRAW },
      { role: 'assistant', content: '{code}' },
      { role: 'user', content: CRITIQUE },
      { role: 'assistant', content: '{critique}' },
      {
        role: 'user',
        content: 'Now write the complete improved code that fixes these problems.',
      },
    ],
  },
];

/** How each render language is named in the drawing prompt (as in the study and the samples). */
export const PROMPT_LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  processing: 'Processing',
  tikz: 'TikZ',
  matplotlib: 'Python matplotlib',
  turtle: 'Python turtle',
  svg: 'SVG',
  p5js: 'JavaScript (p5.js)',
};
