/** Compile-time check that the contract's render lists (shared/render.ts) match types.ts. */
import type { RenderLanguageName, RenderStatusName } from '../../shared/render.js';
import type { RenderLanguage, RenderStatus } from './types.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** True by construction; a compile error here means the two lists drifted apart. */
export const RENDER_LISTS_MATCH: Same<RenderLanguage, RenderLanguageName> &
  Same<RenderStatus, RenderStatusName> = true;
