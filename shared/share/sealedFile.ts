import { z } from 'zod';
import { type FileCrypto, type ScryptParameters, acceptableScrypt, scryptForNewFiles } from './fileCrypto.js';
import { sharingLimits } from './sharing.js';

/**
 * The envelope shared by share files and feedback files (docs/file-formats.md): one line of JSON
 * naming the format and its version, how the content is protected, the content as base64, and a
 * SHA-256 check over everything before it. A passphrase-protected file's content is AES-256-GCM
 * ciphertext whose associated data is the header, so no byte can change unnoticed.
 */
export const sealedFileKinds = {
  share: { format: 'reflective-portfolio-share', noun: 'share file', where: 'open it from Mentoring' },
  feedback: { format: 'reflective-portfolio-feedback', noun: 'feedback file', where: 'import it from Sharing' },
} as const;
export type SealedFileKind = keyof typeof sealedFileKinds;

export const currentFormatVersion = 1;

const base64Text = z.string().max(sharingLimits.maxFileChars).regex(/^[A-Za-z0-9+/]*={0,2}$/);

const protectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.literal('passphrase'),
      kdf: z.literal('scrypt'),
      N: z.number().int(),
      r: z.number().int(),
      p: z.number().int(),
      salt: base64Text.max(200),
      cipher: z.literal('aes-256-gcm'),
      iv: base64Text.max(200),
    })
    .strict(),
]);
type Protection = z.infer<typeof protectionSchema>;

const envelopeSchema = z
  .object({
    format: z.string(),
    formatVersion: z.number().int().min(1),
    app: z.string().max(200),
    protection: protectionSchema,
    content: base64Text,
    check: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  })
  .strict();

export type SealedFileProblemKind =
  | 'too-large'
  | 'not-ours'
  | 'other-kind'
  | 'incomplete'
  | 'newer'
  | 'changed'
  | 'passphrase-needed'
  | 'passphrase-wrong'
  | 'content';

export interface SealedFileProblem {
  kind: SealedFileProblemKind;
  /** A plain sentence for the user; it never quotes the file. */
  message: string;
}

export type SealedFileRead<T> = { ok: true; value: T; protectedByPassphrase: boolean } | { ok: false; problem: SealedFileProblem };

/** The header as the check and the cipher see it: a fixed order, so it is the same string whoever writes it. */
function headerText(format: string, formatVersion: number, app: string, protection: Protection): string {
  const fields = protection.kind === 'none' ? ['none'] : ['passphrase', protection.kdf, protection.N, protection.r, protection.p, protection.salt, protection.cipher, protection.iv];
  return JSON.stringify([format, formatVersion, app, fields]);
}

/**
 * What the cipher authenticates besides the content: the header without the salt and nonce (which
 * are made while sealing, and which the tag covers anyway through the key and the nonce).
 */
function associatedText(format: string, app: string, parameters: ScryptParameters): string {
  return JSON.stringify([format, currentFormatVersion, app, ['passphrase', 'scrypt', parameters.N, parameters.r, parameters.p, 'aes-256-gcm']]);
}

function protectionOf(parameters: ScryptParameters, salt: string, iv: string): Protection {
  return { kind: 'passphrase', kdf: 'scrypt', N: parameters.N, r: parameters.r, p: parameters.p, salt, iv, cipher: 'aes-256-gcm' };
}

export interface WriteSealedOptions {
  kind: SealedFileKind;
  /** The app and its version, for a person reading the file ("Reflective Portfolio 0.1.0"). */
  app: string;
  payload: unknown;
  passphrase: string | null;
  crypto: FileCrypto;
  parameters?: ScryptParameters;
}

/** The file's text. */
export async function writeSealedFile(options: WriteSealedOptions): Promise<string> {
  const { format } = sealedFileKinds[options.kind];
  const plain = JSON.stringify(options.payload);
  let protection: Protection = { kind: 'none' };
  let content: string;
  if (options.passphrase === null) {
    content = options.crypto.toBase64(plain);
  } else {
    const parameters = options.parameters ?? scryptForNewFiles;
    const sealed = await options.crypto.seal(plain, options.passphrase, associatedText(format, options.app, parameters), parameters);
    protection = protectionOf(parameters, sealed.salt, sealed.iv);
    content = sealed.ciphertext;
  }
  const header = headerText(format, currentFormatVersion, options.app, protection);
  const check = `sha256:${options.crypto.sha256Hex(`${header}\n${content}`)}`;
  return `${JSON.stringify({ format, formatVersion: currentFormatVersion, app: options.app, protection, content, check })}\n`;
}

const problem = (kind: SealedFileProblemKind, message: string): { ok: false; problem: SealedFileProblem } => ({ ok: false, problem: { kind, message } });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a share or feedback file of the kind expected. Every way a file can be wrong gets its own
 * plain message; nothing is returned unless the whole file checks out and its content passes
 * `schema`.
 */
export async function readSealedFile<T>(kind: SealedFileKind, text: string, passphrase: string | null, crypto: FileCrypto, schema: z.ZodType<T>): Promise<SealedFileRead<T>> {
  const expected = sealedFileKinds[kind];
  const other = sealedFileKinds[kind === 'share' ? 'feedback' : 'share'];
  const askAgain = `Ask for the ${expected.noun} to be sent again.`;
  if (text.length > sharingLimits.maxFileChars) return problem('too-large', `That file is too large to be a ${expected.noun} (the limit is 15 million characters).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (text.trimStart().startsWith(`{"format":"${expected.format}"`)) {
      return problem('incomplete', `This ${expected.noun} is incomplete or damaged: it may have been cut short while it was copied or sent. ${askAgain}`);
    }
    return problem('not-ours', `That is not a Reflective Portfolio ${expected.noun}.`);
  }
  if (!isRecord(parsed) || typeof parsed['format'] !== 'string') return problem('not-ours', `That is not a Reflective Portfolio ${expected.noun}.`);
  if (parsed['format'] === other.format) return problem('other-kind', `That is a ${other.noun}, not a ${expected.noun}: ${other.where}.`);
  if (parsed['format'] !== expected.format) return problem('not-ours', `That is not a Reflective Portfolio ${expected.noun}.`);
  const version = parsed['formatVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > currentFormatVersion) {
    return problem('newer', `This ${expected.noun} was made by a newer version of Reflective Portfolio (file format ${version}; this version reads format ${currentFormatVersion}). Update the app to open it.`);
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success || envelope.data.formatVersion !== currentFormatVersion) {
    return problem('changed', `This ${expected.noun} is damaged: its layout is not one Reflective Portfolio writes. ${askAgain}`);
  }
  const { app, protection, content, check } = envelope.data;
  const header = headerText(expected.format, currentFormatVersion, app, protection);
  if (`sha256:${crypto.sha256Hex(`${header}\n${content}`)}` !== check) {
    return problem('changed', `This ${expected.noun} has been changed or damaged since it was saved, so it cannot be trusted. ${askAgain}`);
  }
  let plain: string | null;
  if (protection.kind === 'none') {
    plain = crypto.fromBase64(content);
  } else {
    const parameters = { N: protection.N, r: protection.r, p: protection.p };
    if (!acceptableScrypt(parameters)) return problem('changed', `This ${expected.noun} asks for key settings Reflective Portfolio does not use. ${askAgain}`);
    if (passphrase === null) return problem('passphrase-needed', `This ${expected.noun} is protected with a passphrase. Enter the passphrase you were given.`);
    plain = await crypto.open({ salt: protection.salt, iv: protection.iv, ciphertext: content }, passphrase, associatedText(expected.format, app, parameters), parameters);
    if (plain === null) return problem('passphrase-wrong', `That passphrase does not open this ${expected.noun}. Check it with whoever sent the file; capital letters and spaces count.`);
  }
  if (plain === null) return problem('changed', `This ${expected.noun} is damaged. ${askAgain}`);
  let payload: unknown;
  try {
    payload = JSON.parse(plain);
  } catch {
    return problem('changed', `This ${expected.noun} is damaged. ${askAgain}`);
  }
  const checked = schema.safeParse(payload);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.filter((part) => typeof part === 'string').slice(-1)[0] : undefined;
    return problem('content', `This ${expected.noun} holds something Reflective Portfolio cannot accept${where ? ` (in “${where}”: ${issue?.message ?? 'not valid'})` : ''}. Nothing was read from it.`);
  }
  return { ok: true, value: checked.data, protectedByPassphrase: protection.kind === 'passphrase' };
}
