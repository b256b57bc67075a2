// ESLint with typescript-eslint's type-checked rules over the program, its tests and
// scripts; `npm test` runs it (`npm run lint`) and allows no warning.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-artifacts/", "coverage/", "schemas/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks what is left out on purpose (`const { expect: _expect, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The tests and scripts read what the CLI prints: JSON.parse's `any` is their input, checked by their assertions.
    files: ["test/**", "scripts/**", "action/**", "*.mjs", "*.cjs", "*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-explicit-any": "off",
      // They look for raw control, BiDi and zero-width characters on purpose.
      "no-control-regex": "off",
      "no-misleading-character-class": "off",
    },
  },
  {
    // Plain JavaScript (the scripts, the bin shim, the Action): no types to check with.
    files: ["**/*.mjs", "**/*.cjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS on purpose: the bin shim is the one file Node resolves, loaded by require.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
