import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, PROMPT_LANGUAGE_NAMES } from '../../../main/llm/templates/builtin-templates.js';
import { conceptPhrase } from '../../../main/llm/templates/concept-phrase.js';
import {
  formatCandidates,
  renderTemplate,
  TemplateError,
  templateVariables,
  type PromptTemplate,
} from '../../../main/llm/templates/prompt-template.js';

const builtin = (id: string): PromptTemplate => {
  const t = BUILTIN_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};
const samplesDir = path.resolve('resources/samples');
const samples = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(path.join(samplesDir, f), 'utf8').trim().split('\n'))
  .map((l) => JSON.parse(l) as { language: string; concept: string; prompt: string });

describe('prompt templates', () => {
  it('renders the drawing prompt exactly as the recorded sample prompts', () => {
    expect(samples.length).toBeGreaterThan(50);
    for (const s of samples) {
      const rendered = renderTemplate(builtin('draw'), {
        language: PROMPT_LANGUAGE_NAMES[s.language] ?? '?',
        concept: s.concept,
      });
      expect(rendered.messages).toEqual([{ role: 'user', content: s.prompt }]);
      expect(rendered.templateVersion).toBe(1);
    }
  });

  it.each([
    ['cat', 'a cat'],
    ['a cat', 'a cat'],
    ['umbrella', 'an umbrella'],
    ['an umbrella', 'an umbrella'],
    ['The Eiffel tower', 'The Eiffel tower'],
    ['five purple dots', 'five purple dots'],
    ['3 squares', '3 squares'],
    ['children flying kites', 'children flying kites'],
    ['dogs playing in the snow', 'dogs playing in the snow'],
    ['bus', 'a bus'],
    ['glass of water', 'a glass of water'],
    ['cactus in a pot', 'a cactus in a pot'],
    ['unicorn', 'a unicorn'],
    ['pair of scissors', 'a pair of scissors'],
    ['clothes hanger', 'a clothes hanger'],
    ['birds on a wire', 'birds on a wire'],
    ['sheep', 'a sheep'],
    ['thermos', 'a thermos'],
    ['stairs', 'stairs'],
  ])('draws %s → "draws %s" (never "a a")', (concept, phrase) => {
    expect(conceptPhrase(concept)).toBe(phrase);
  });

  it('gives every built-in object category an article', () => {
    const objects = JSON.parse(readFileSync('resources/datasets/objects.json', 'utf8')) as { name: string }[];
    const bare = objects.filter((o) => !/^(an?) /.test(conceptPhrase(o.name)));
    expect(objects.length).toBeGreaterThan(900);
    expect(bare.map((o) => o.name)).toEqual([]);
  });

  it('renders recognition, multiple choice and self-correction with the code verbatim', () => {
    const code = 'function f() { return "{concept}"; }';
    expect(renderTemplate(builtin('recognise-free'), { code }).messages[0]?.content).toBe(
      `What does the following piece of code generate?\n\n${code}`,
    );
    const choice = renderTemplate(builtin('recognise-choice'), {
      code,
      candidates: formatCandidates(['a cat', 'a dog']),
    });
    expect(choice.messages[0]?.content).toContain('1. a cat\n2. a dog');
    const correct = renderTemplate(builtin('correct'), { language: 'SVG', concept: 'cat', code });
    expect(correct.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(correct.messages[1]?.content).toBe(code);
    expect(correct.messages[2]?.content).toContain('draws a cat better');
  });

  it('names its variables and refuses to render without them', () => {
    expect(templateVariables(builtin('draw-function'))).toEqual(['language', 'concept', 'arguments']);
    expect(() => renderTemplate(builtin('draw'), { language: 'SVG' })).toThrow(TemplateError);
    const literal: PromptTemplate = {
      ...builtin('draw'),
      messages: [{ role: 'user', content: '{{x}} {concept|zz}' }],
    };
    expect(() => renderTemplate(literal, { concept: 'c' })).toThrow('unknown modifier');
    expect(
      renderTemplate({ ...literal, messages: [{ role: 'user', content: '{{x}}' }] }, {}).messages[0]?.content,
    ).toBe('{x}');
  });
});
