/** Limits on share and feedback files, zod-free so the page can use them without the schemas. */
export const sharingLimits = {
  /** Longest share or feedback file read, in characters (web mode's request limit is 20 MB). */
  maxFileChars: 15_000_000,
  personName: 200,
  role: 200,
  registration: 60,
  description: 500,
  commentText: 10_000,
  replyText: 10_000,
  statement: 5_000,
  quote: 2_000,
  context: 64,
  entries: 5_000,
  comments: 5_000,
  signOffs: 2_000,
  replies: 200,
  passphraseMin: 8,
  passphraseMax: 1_024,
} as const;
