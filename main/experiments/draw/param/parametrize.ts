/**
 * Finds the drawing function of a `param` answer and what a setting may vary: the function the
 * program itself calls (helpers called only from inside other functions rank lower), with the most
 * numeric parameters. A parameter is varied when its kind is numeric (its default is a number
 * literal, its declared type is int/float, or the call passes a number) and some value for it is
 * known (a default, or an argument at a call). Everything that cannot work is a clear error that
 * the run records as `param_error`.
 */
import { assertNever } from '../../../../shared/result.js';
import type { RenderLanguage } from '../../../render/types.js';
import { javascriptFunctions, processingFunctions } from './brace-functions.js';
import { argumentFor, callSites, type CallSite } from './call-sites.js';
import { maskCode, type CodeSyntax } from './code-mask.js';
import { isNumeric, numberLiteral, type FunctionSignature, type ParamKind } from './function-signature.js';
import { pythonFunctions } from './python-functions.js';
import { tikzMacros } from './tikz-macros.js';

/** What a setting of one answer changes. */
export interface ParamPlan {
  readonly syntax: CodeSyntax;
  readonly code: string;
  readonly fn: FunctionSignature;
  /** Calls outside the function (rewritten per setting); empty when a call is appended. */
  readonly calls: ReadonlyArray<CallSite>;
  /** Indices of the varied parameters, in parameter order. */
  readonly varied: ReadonlyArray<number>;
  /** The numeric kind of each varied parameter. */
  readonly kinds: ReadonlyArray<'int' | 'float'>;
}

/** A plan, or why the answer cannot be varied. */
export type Parametrized =
  { readonly kind: 'plan'; readonly plan: ParamPlan } | { readonly kind: 'error'; readonly message: string };

/** Entry points the runtime calls itself: never the drawing function. */
const ENTRY_NAMES = new Set(
  'setup draw main settings preload windowResized mousePressed mouseDragged mouseReleased mouseMoved mouseClicked mouseWheel keyPressed keyReleased keyTyped'.split(
    ' ',
  ),
);

interface Candidate {
  readonly fn: FunctionSignature;
  readonly calls: CallSite[];
  readonly varied: number[];
  readonly kinds: ('int' | 'float')[];
  readonly outerCalled: boolean;
  readonly defaults: number;
}

function effectiveKind(fn: FunctionSignature, index: number, calls: ReadonlyArray<CallSite>): ParamKind {
  const param = fn.params[index]!;
  if (param.kind !== 'other' || param.defaultText !== null) return param.kind;
  const first = calls.map((site) => argumentFor(site, fn, index)).find((bound) => bound !== null);
  return first ? (numberLiteral(first.arg.value)?.kind ?? 'other') : 'other';
}

interface Source {
  readonly code: string;
  readonly mask: string;
  readonly syntax: CodeSyntax;
  /** Processing: overloads share a name, and only calls with an overload's arity are its own. */
  readonly exactArity: boolean;
  readonly all: ReadonlyArray<FunctionSignature>;
}

function candidate({ code, mask, syntax, exactArity, all }: Source, fn: FunctionSignature): Candidate {
  let calls = callSites(code, mask, fn, syntax);
  if (exactArity)
    calls = calls.filter((site) => site.args.length === fn.params.length || site.args.some((a) => a.spread));
  const varied: number[] = [];
  const kinds: ('int' | 'float')[] = [];
  fn.params.forEach((param, i) => {
    const kind = effectiveKind(fn, i, calls);
    const known = param.defaultValue !== null || calls.some((site) => argumentFor(site, fn, i) !== null);
    if (isNumeric(kind) && known) {
      varied.push(i);
      kinds.push(kind);
    }
  });
  const others = all.filter((g) => g !== fn && !ENTRY_NAMES.has(g.name));
  const outerCalled = calls.some(
    (site) => !others.some((g) => site.inner.start >= g.span.start && site.inner.start < g.span.end),
  );
  const defaults = fn.params.filter((p) => p.defaultValue !== null).length;
  return { fn, calls, varied, kinds, outerCalled, defaults };
}

function rank(a: Candidate, b: Candidate): number {
  return (
    Number(b.outerCalled) - Number(a.outerCalled) ||
    b.defaults - a.defaults ||
    b.varied.length - a.varied.length ||
    a.fn.span.start - b.fn.span.start
  );
}

function functionsOf(language: RenderLanguage, code: string, mask: string): FunctionSignature[] {
  switch (language) {
    case 'matplotlib':
    case 'turtle':
      return pythonFunctions(code, mask);
    case 'p5js':
      return javascriptFunctions(code, mask);
    case 'processing':
      return processingFunctions(mask);
    case 'tikz':
      return tikzMacros(code, mask);
    case 'svg':
      return [];
    default:
      return assertNever(language, 'render language');
  }
}

/** Why a chosen function cannot be called by a setting, or null when it can. */
function uncallable(best: Candidate, syntax: CodeSyntax): string | null {
  if (best.calls.length > 0) return null;
  if (syntax === 'tex') return `The code never uses \\${best.fn.name}, so no setting of it can be drawn.`;
  if (syntax === 'c-like')
    return `The program never calls ${best.fn.name}(), so no setting of it can be drawn.`;
  const required = best.fn.params.filter((p) => p.defaultText === null && p.kind !== 'variadic');
  if (required.length === 0) return null;
  return `The program never calls ${best.fn.name}(), and its parameters ${required.map((p) => p.name).join(', ')} have no defaults.`;
}

/** The plan of an answer's extracted code in `language`. */
export function parametrize(language: RenderLanguage, code: string): Parametrized {
  if (language === 'svg')
    return { kind: 'error', message: 'SVG has no functions: the param strategy cannot vary an SVG drawing.' };
  const syntax: CodeSyntax =
    language === 'matplotlib' || language === 'turtle' ? 'python' : language === 'tikz' ? 'tex' : 'c-like';
  const mask = maskCode(code, syntax);
  const all = functionsOf(language, code, mask);
  const own = all.filter((fn) => !ENTRY_NAMES.has(fn.name));
  if (own.length === 0)
    return {
      kind: 'error',
      message: `No ${syntax === 'tex' ? 'macro with arguments' : 'function definition'} found in the code.`,
    };
  const source: Source = { code, mask, syntax, exactArity: language === 'processing', all };
  const ranked = own.map((fn) => candidate(source, fn)).filter((c) => c.varied.length > 0);
  const best = ranked.sort(rank)[0];
  if (!best)
    return {
      kind: 'error',
      message: `No function with numeric parameters found (functions: ${own.map((f) => f.name).join(', ')}).`,
    };
  const problem = uncallable(best, syntax);
  if (problem) return { kind: 'error', message: problem };
  return {
    kind: 'plan',
    plan: { syntax, code, fn: best.fn, calls: best.calls, varied: best.varied, kinds: best.kinds },
  };
}
