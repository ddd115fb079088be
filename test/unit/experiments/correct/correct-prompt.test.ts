import { describe, expect, it } from 'vitest';
import {
  correctionPrompt,
  FEEDBACK_ERROR_CHARS,
  renderFeedback,
} from '../../../../main/experiments/correct/correct-prompt.js';
import { BUILTIN_TEMPLATES } from '../../../../main/llm/templates/builtin-templates.js';

const template = (id: string) => BUILTIN_TEMPLATES.find((t) => t.id === id)!;

describe('self-correction feedback wording', () => {
  it('says an ok render rendered without errors', () => {
    expect(renderFeedback({ status: 'ok', error: null })).toBe(
      'When your code was run, it rendered an image without errors (status: ok).',
    );
  });

  it('quotes the status and the error of a failed render', () => {
    expect(renderFeedback({ status: 'compile_error', error: ' line 3: unexpected token \n' })).toBe(
      'When your code was run, it did not render an image (status: compile_error). The error was:\nline 3: unexpected token',
    );
    expect(renderFeedback({ status: 'timeout', error: null })).toBe(
      'When your code was run, it did not render an image (status: timeout).',
    );
  });

  it('cuts a long error and marks the cut', () => {
    const text = renderFeedback({ status: 'runtime_error', error: 'x'.repeat(FEEDBACK_ERROR_CHARS + 10) });
    expect(text.endsWith(`\n${'x'.repeat(FEEDBACK_ERROR_CHARS)}…`)).toBe(true);
  });

  it('says when the code was never run', () => {
    expect(renderFeedback(null)).toBe('Your code has not been run.');
  });
});

describe('self-correction prompt', () => {
  const input = { language: 'svg', concept: 'red circle', code: '<svg></svg>' };

  it('fills the correct template: the drawing prompt, the code as the answer, the request', () => {
    const prompt = correctionPrompt(template('correct'), input);
    expect(prompt.templateId).toBe('correct');
    expect(prompt.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(prompt.messages[0]!.content).toContain('SVG');
    expect(prompt.messages[0]!.content).toContain('red circle');
    expect(prompt.messages[1]!.content).toBe('<svg></svg>');
    expect(prompt.messages[2]!.content).not.toContain('When your code was run');
  });

  it('appends the feedback to the last user message only, one blank line apart', () => {
    const plain = correctionPrompt(template('correct-critique'), input);
    const fed = correctionPrompt(template('correct-critique'), {
      ...input,
      feedback: { render: { status: 'blank_image', error: 'the image is blank' } },
    });
    expect(fed.messages.slice(0, 2)).toEqual(plain.messages.slice(0, 2));
    expect(fed.messages[2]!.content).toBe(
      `${plain.messages[2]!.content}\n\nWhen your code was run, it did not render an image (status: blank_image). The error was:\nthe image is blank`,
    );
  });
});
