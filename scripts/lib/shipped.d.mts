// Types of scripts/lib/shipped.mjs, for the tests that import it.
export declare const TOP_LEVEL: string[];
export declare const REQUIRED: string[];
export declare function shippedProblems(files: string[]): string[];
