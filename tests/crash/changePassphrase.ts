import { openPortfolio } from '../../electron/storage/openPortfolio.js';

/**
 * Child process for the passphrase crash test: opens the portfolio (unlocking it with `from` when
 * given), says READY, then sets, changes or removes its passphrase and says DONE, unless it is
 * killed first. The passphrases come in the environment, as a real one never goes on a command line.
 */
const [folder, variant] = process.argv.slice(2);
const from = process.env['CRASH_FROM_PASSPHRASE'] ?? '';
const to = process.env['CRASH_TO_PASSPHRASE'] ?? '';
if (!folder || !['set', 'change', 'remove'].includes(variant ?? '')) throw new Error('usage: changePassphrase <folder> set|change|remove');

const opened = await openPortfolio(folder);
if (from !== '') {
  const unlocked = await opened.protection.unlock(from, false);
  if (!unlocked.ok) {
    process.stdout.write(`FAILED ${unlocked.error.code}\n`);
    process.exit(3);
  }
}
if (opened.status().state !== 'ready') {
  process.stdout.write(`FAILED ${opened.status().state}\n`);
  process.exit(3);
}
process.stdout.write('READY\n');
const result =
  variant === 'set' ? await opened.protection.setPassphrase(to, false) : variant === 'change' ? await opened.protection.changePassphrase(from, to, false) : await opened.protection.removePassphrase(from);
process.stdout.write(result.ok ? 'DONE\n' : `FAILED ${result.error.code}\n`);
await opened.close();
