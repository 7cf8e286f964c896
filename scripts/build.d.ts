/** Types of scripts/build.js (plain JavaScript: it runs before anything is compiled). */
export declare const ROOT: string;
/** The first input newer than the build, 'dist/' when there is none, or undefined when up to date. */
export declare function staleSource(root?: string): string | undefined;
/** Compiles the project into dist/ unless it is up to date; returns what was stale. */
export declare function build(root?: string, options?: { force?: boolean }): Promise<string | undefined>;
