import { type ApiHandlers, apiInputs, isOperationName } from './contract.js';
import { type Result, failure } from './result.js';
import { EntryUnreadableError, StorageWriteError } from '../store/storageWriteError.js';
import { ReviewUnreadableError, ReviewWriteError } from '../share/review.js';

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the argument';
  return `${where}: ${issue.message}`;
}

/**
 * The single entrance from an untrusted caller (IPC or HTTP): the name must be in the contract and
 * the argument must pass its schema, or nothing runs. Handler exceptions become an error value
 * whose message carries no portfolio text.
 */
export async function dispatch(handlers: ApiHandlers, name: unknown, argument: unknown): Promise<Result<unknown>> {
  if (!isOperationName(name)) return failure('unknown-operation', 'That operation does not exist.');
  const parsed = apiInputs[name].safeParse(argument);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return failure('invalid-argument', `The request was not valid (${details}).`);
  }
  const handler = handlers[name] as (argument: unknown) => Promise<Result<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    if (error instanceof StorageWriteError) {
      return failure('storage-failed', `Your latest changes could not be written to disk (${error.message}). They are kept in the app and saving will be tried again.`);
    }
    if (error instanceof EntryUnreadableError || error instanceof ReviewUnreadableError || error instanceof ReviewWriteError) return failure('storage-failed', error.message);
    const kind = error instanceof Error ? error.name : 'Error';
    return failure('internal', `Something went wrong inside the app (${kind}). Your last saved work is safe.`);
  }
}
