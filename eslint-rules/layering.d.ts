/** Types of the local layering lint plugin (the rule itself is plain JS, loaded by ESLint). */
export declare const DOMAIN_LINE: ReadonlyArray<string>;
export declare function layerOf(rel: string): { kind: string; name: string; index?: number } | null;
export declare function violation(fromRel: string, spec: string, root: string): string | null;
export declare const layeringPlugin: { rules: Record<string, unknown> };
