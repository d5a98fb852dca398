/**
 * The limits the API's framework schema and `maxFrameworkFileChars` set, repeated here so the page
 * can check them without loading zod; a unit test keeps the two in step.
 */
export const frameworkLimits = { code: 40, text: 2_000, number: 40, outcomes: 500, criteria: 200, fileChars: 2_000_000 } as const;
