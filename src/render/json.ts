import type { Estimate } from "../calculator/types.js";

export const renderJson = (estimate: Estimate): string => `${JSON.stringify(estimate, null, 2)}\n`;
