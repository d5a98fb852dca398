import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type SaveJob, type SaveOutcome, SaveQueue } from '../../renderer/src/saving/SaveQueue.js';

interface RecordingJob extends SaveJob {
  text: string;
}

function recorder(outcomes: SaveOutcome[] = []) {
  const sent: string[] = [];
  const job = (text: string): RecordingJob => ({
    text,
    run: async () => {
      sent.push(text);
      return outcomes.shift() ?? { ok: true };
    },
  });
  return { sent, job };
}

function newQueue() {
  return new SaveQueue<RecordingJob>({ pauseMs: 600, retryDelaysMs: [1000, 2000, 4000] });
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the save queue', () => {
  test('a change held back until it is fixed shows as not saved, and releasing it shows all saved again', async () => {
    const queue = newQueue();
    const { job } = recorder();
    queue.hold('framework:u26', 'A framework has fields to fix before it can be saved.');
    expect(queue.snapshot()).toEqual({ state: 'held', errorMessage: 'A framework has fields to fix before it can be saved.' });
    queue.put('week:2019-10-07', job('text'), 'now');
    expect(queue.snapshot().state).toBe('saving');
    await vi.runAllTimersAsync();
    expect(queue.snapshot().state).toBe('held');
    queue.release('framework:u26');
    expect(queue.snapshot()).toEqual({ state: 'saved', errorMessage: null });
  });

  test('typing is saved once, 600 ms after the last change', async () => {
    const queue = newQueue();
    const { sent, job } = recorder();
    queue.put('week:2019-10-07', job('A'), 'after-pause');
    await vi.advanceTimersByTimeAsync(400);
    queue.put('week:2019-10-07', job('An'), 'after-pause');
    await vi.advanceTimersByTimeAsync(599);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['An']);
    expect(queue.snapshot().state).toBe('saved');
  });

  test('the status goes from not saved yet, to saving, to all saved', async () => {
    const queue = newQueue();
    let finish: (outcome: SaveOutcome) => void = () => undefined;
    const states: string[] = [];
    queue.subscribe(() => states.push(queue.snapshot().state));
    queue.put('week:2019-10-07', { text: 'x', run: () => new Promise<SaveOutcome>((resolve) => (finish = resolve)) }, 'after-pause');
    await vi.advanceTimersByTimeAsync(600);
    finish({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['waiting', 'saving', 'saved']);
  });

  test('a choice is sent at once, without waiting for a pause', async () => {
    const queue = newQueue();
    const { sent, job } = recorder();
    queue.put('idea-status:a', job('in progress'), 'now');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['in progress']);
  });

  test('writes run one at a time, in the order they were made', async () => {
    const queue = newQueue();
    const sent: string[] = [];
    let running = 0;
    let most = 0;
    const slow = (text: string): RecordingJob => ({
      text,
      run: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 50));
        sent.push(text);
        running -= 1;
        return { ok: true };
      },
    });
    queue.put('week:2019-10-07', slow('week one'), 'now');
    queue.put('plan-review:x', slow('review'), 'now');
    queue.put('week:2019-10-14', slow('week two'), 'now');
    const flushed = queue.flush();
    await vi.advanceTimersByTimeAsync(200);
    await expect(flushed).resolves.toBe(true);
    expect(sent).toEqual(['week one', 'review', 'week two']);
    expect(most).toBe(1);
  });

  test('newer text for a week replaces text that has not been sent yet', async () => {
    const queue = newQueue();
    const { sent, job } = recorder();
    queue.put('week:2019-10-07', job('first'), 'after-pause');
    queue.put('week:2019-10-07', job('second'), 'after-pause');
    expect(queue.unsaved('week:2019-10-07')?.text).toBe('second');
    await queue.flush();
    expect(sent).toEqual(['second']);
    expect(queue.unsaved('week:2019-10-07')).toBeUndefined();
  });

  test('a failed save is kept, reported with its message, and retried with growing pauses', async () => {
    const queue = newQueue();
    const { sent, job } = recorder([
      { ok: false, message: 'The disk is full.', retry: true },
      { ok: false, message: 'The disk is full.', retry: true },
    ]);
    queue.put('week:2019-10-07', job('precious words'), 'now');
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.snapshot()).toEqual({ state: 'retrying', errorMessage: 'The disk is full.' });
    expect(queue.unsaved('week:2019-10-07')?.text).toBe('precious words');
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['precious words', 'precious words', 'precious words']);
    expect(queue.snapshot()).toEqual({ state: 'saved', errorMessage: null });
  });

  test('text typed while a save is failing is the text that is retried', async () => {
    const queue = newQueue();
    const { sent, job } = recorder([{ ok: false, message: 'Offline.', retry: true }]);
    queue.put('week:2019-10-07', job('old'), 'now');
    await vi.advanceTimersByTimeAsync(0);
    queue.put('week:2019-10-07', job('old and new'), 'after-pause');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual(['old', 'old and new']);
  });

  test('a thrown error counts as a failed save, not a lost one', async () => {
    const queue = newQueue();
    let calls = 0;
    queue.put(
      'week:2019-10-07',
      {
        text: 'x',
        run: async () => {
          calls += 1;
          if (calls === 1) throw new Error('Network went away.');
          return { ok: true };
        },
      },
      'now',
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.snapshot().errorMessage).toBe('Network went away.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.snapshot().state).toBe('saved');
  });

  test('a write the back end refuses is not retried, is reported, and does not hold up the writes behind it', async () => {
    const queue = newQueue();
    const { sent, job } = recorder([{ ok: false, message: 'That plan is not waiting for review in this week.', retry: false }]);
    queue.put('plan-review:gone', job('review of a deleted plan'), 'now');
    queue.put('week:2019-10-07', job('the week'), 'now');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['review of a deleted plan', 'the week']);
    expect(queue.snapshot()).toEqual({ state: 'saved', errorMessage: null });
  });

  test('a refusal stays on show until a later write succeeds', async () => {
    const queue = newQueue();
    const { job } = recorder([{ ok: false, message: 'The request was not valid.', retry: false }]);
    queue.put('idea-status:x', job('refused'), 'now');
    await expect(queue.flush()).resolves.toBe(false);
    expect(queue.snapshot()).toEqual({ state: 'refused', errorMessage: 'The request was not valid.' });
    queue.put('idea-status:y', job('fine'), 'now');
    await expect(queue.flush()).resolves.toBe(true);
    expect(queue.snapshot().state).toBe('saved');
  });

  test('flush sends at once and tells whether everything was saved', async () => {
    const queue = newQueue();
    const { sent, job } = recorder([{ ok: true }, { ok: false, message: 'No.', retry: true }]);
    queue.put('week:2019-10-07', job('one'), 'after-pause');
    await expect(queue.flush()).resolves.toBe(true);
    expect(sent).toEqual(['one']);
    queue.put('week:2019-10-07', job('two'), 'after-pause');
    await expect(queue.flush()).resolves.toBe(false);
    await expect(newQueue().flush()).resolves.toBe(true);
  });

  test('on closing, every unsaved write is handed over, the one being sent included', async () => {
    const queue = newQueue();
    const handedOver: string[] = [];
    const closing = (text: string): RecordingJob => ({ text, run: () => new Promise<SaveOutcome>(() => undefined), sendWhileClosing: () => handedOver.push(text) });
    queue.put('week:2019-10-07', closing('being sent'), 'now');
    queue.put('week:2019-10-14', closing('waiting'), 'after-pause');
    queue.sendAllWhileClosing();
    expect(handedOver).toEqual(['being sent', 'waiting']);
  });
});
