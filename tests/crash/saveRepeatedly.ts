import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import { saveState } from './crashStates.js';

/** Child process for the crash test: saves numbered states one after another until it is killed. */
const folder = process.argv[2];
if (!folder) throw new Error('usage: saveRepeatedly <folder>');
const opened = await openPortfolio(folder);
const store = opened.store();
if (!store) {
  process.stdout.write(`DAMAGED ${JSON.stringify(opened.status())}\n`);
  process.exit(3);
}
let n = store.read().settings.ideaNumberStart;
process.stdout.write('READY\n');
for (;;) {
  n += 1;
  await saveState(store, n);
  process.stdout.write(`SAVED ${n}\n`);
}
