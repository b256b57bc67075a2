// Types of scripts/lib/changelog.mjs, for the tests that import it.
export declare function changelogSection(changelog: string, version: string): string | undefined;
