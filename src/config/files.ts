// Where a project config may be: its files, nearest first within a folder, or this key
// of a package.json. Apart from ./schema.ts, whose zod schema the search never needs:
// it runs before every command, --help included, and builds no schema.
export const CONFIG_FILES = ["im-bill.config.json", "im-bill.config.yaml", "im-bill.config.yml"] as const;
export const PACKAGE_KEY = "im-bill";
