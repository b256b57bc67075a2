/** The few text styles renderers use; the CLI decides whether they colour. */
export interface Styles {
  // Properties, not methods: a style is passed around on its own (styles.bold), never called on its object.
  bold: (text: string) => string;
  dim: (text: string) => string;
  error: (text: string) => string;
  warning: (text: string) => string;
  success: (text: string) => string;
}

const identity = (text: string) => text;
export const plainStyles: Styles = {
  bold: identity,
  dim: identity,
  error: identity,
  warning: identity,
  success: identity,
};
