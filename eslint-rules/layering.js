// @ts-check
/**
 * Local ESLint plugin: enforces the import-layering table of ARCHITECTURE.md.
 *
 * Every source file belongs to one layer, decided by its path. Every import (static, dynamic with a
 * literal, re-export) is resolved to the layer it points at and checked against the table. This is
 * our version of VS Code's `code-layering` rule: the architecture is enforced by lint, not memory.
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

/** Domain modules form a line, lowest first; each may import only those to its left. */
export const DOMAIN_LINE = [
  'store',
  'jobs',
  'datasets',
  'llm',
  'render',
  'metrics',
  'experiments',
  'training',
  'doctor',
];
const FACES = ['electron', 'server', 'cli'];
/** npm packages that pure shared code may use. */
const SHARED_PACKAGES = ['zod'];
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * The layer a repository-relative path belongs to, or null for files outside the layered tree
 * (tests, benchmarks, configs).
 * @param {string} rel path relative to the repository root, with forward slashes
 * @returns {{ kind: 'shared' | 'renderer' | 'api' | 'face' | 'domain' | 'unknown-main', name: string, index?: number } | null}
 */
export function layerOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'shared') return { kind: 'shared', name: 'shared' };
  if (parts[0] === 'renderer') return { kind: 'renderer', name: 'renderer' };
  if (parts[0] !== 'main') return null;
  const mod = parts.length > 2 ? parts[1] : '';
  if (mod === 'api') return { kind: 'api', name: 'main/api' };
  if (FACES.includes(mod)) return { kind: 'face', name: `main/${mod}` };
  const index = DOMAIN_LINE.indexOf(mod);
  if (index >= 0) return { kind: 'domain', name: `main/${mod}`, index };
  return { kind: 'unknown-main', name: rel };
}

/** @param {string} spec */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/**
 * Why `from` may not import `spec`, or null when it may.
 * @param {string} fromRel repository-relative path of the importing file
 * @param {string} spec the import specifier as written
 * @param {string} root repository root (absolute)
 * @returns {string | null}
 */
export function violation(fromRel, spec, root) {
  const from = layerOf(fromRel);
  if (!from) return null;
  if (from.kind === 'unknown-main') {
    return `${fromRel} is outside every layer: put main code in one of main/{${[...DOMAIN_LINE, 'api', ...FACES].join(',')}}`;
  }
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path
      .relative(root, path.resolve(root, path.dirname(fromRel), spec))
      .split(path.sep)
      .join('/');
    const to = layerOf(target);
    if (!to) return `${from.name} may not import ${target} (outside the layered tree)`;
    return layerRule(from, to);
  }
  const isBuiltin = builtins.has(spec) || spec.startsWith('node:');
  const pkg = packageName(spec);
  if (pkg === 'electron' && from.name !== 'main/electron') return `only main/electron may import electron`;
  if (from.kind === 'shared') {
    if (isBuiltin) return `shared may not import Node built-ins (${spec})`;
    if (!SHARED_PACKAGES.includes(pkg))
      return `shared may import only pure libraries (${SHARED_PACKAGES.join(', ')}), not ${spec}`;
  }
  if (from.kind === 'renderer' && isBuiltin) return `renderer may not import Node built-ins (${spec})`;
  return null;
}

/**
 * @param {NonNullable<ReturnType<typeof layerOf>>} from
 * @param {NonNullable<ReturnType<typeof layerOf>>} to
 */
function layerRule(from, to) {
  if (to.kind === 'unknown-main') return `${to.name} is outside every layer`;
  if (from.name === to.name) return null;
  if (to.kind === 'shared') return null;
  const deny = `${from.name} may not import ${to.name}`;
  switch (from.kind) {
    case 'shared':
      return deny;
    case 'renderer':
      return deny;
    case 'domain':
      if (to.kind !== 'domain') return deny;
      return (to.index ?? 0) < (from.index ?? 0)
        ? null
        : `${deny}: domain modules import only those to their left (${DOMAIN_LINE.join(' → ')})`;
    case 'api':
      return to.kind === 'domain' ? null : deny;
    case 'face':
      if (to.kind === 'api' || to.name === 'main/jobs') return null;
      // `vcheck serve` and `vcheck start` launch web mode: the CLI is the web face's launcher.
      // One direction only; the server never imports the CLI, and neither imports Electron code.
      if (from.name === 'main/cli' && to.name === 'main/server') return null;
      return deny;
    default:
      return deny;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import-layering table of ARCHITECTURE.md' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const fromRel = path.relative(root, context.filename).split(path.sep).join('/');
    /** @param {any} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const why = violation(fromRel, source, root);
      if (why) context.report({ node, message: `Layering: ${why}.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      Program: (node) => {
        const layer = layerOf(fromRel);
        if (layer?.kind === 'unknown-main') check(node, './');
      },
    };
  },
};

/** The local plugin object for eslint.config.js. */
export const layeringPlugin = { rules: { layering: rule } };
