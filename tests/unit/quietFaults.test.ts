import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { faultExitCode } from '../../electron/security/quietFaults.js';

const canary = 'Canary: I sat with Mrs Quill in bay four after the fall';

describe('a fault nobody caught', () => {
  for (const how of ['exception', 'rejection']) {
    it(`ends the process naming only its kind, never the text it was holding (${how})`, () => {
      // Without the handler Node would print the message (V8 quotes the JSON it could not read) and the stack.
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/crash/faultWithText.ts', canary, how], { encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(faultExitCode);
      expect(run.stderr).toMatch(/stopped because of a fault inside the app \((SyntaxError|Error)\)/);
      expect(run.stderr).not.toContain('Mrs Quill');
      expect(run.stdout).not.toContain('Mrs Quill');
    });
  }

  it('would have printed the text without the handler (the test can fail)', () => {
    const run = spawnSync(process.execPath, ['-e', `JSON.parse(${JSON.stringify(`{"text": "${canary}" oops}`)})`], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Mrs Quill');
  });
});
