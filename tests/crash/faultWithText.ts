/** Started by quietFaults.test.ts: installs the app's fault handler, then fails reading JSON that holds a reflection. */
import { reportFaultsQuietly } from '../../electron/security/quietFaults.js';

reportFaultsQuietly(process, (line) => process.stderr.write(line), (code) => process.exit(code));
const canary = process.argv[2] ?? '';
const how = process.argv[3];
if (how === 'rejection') void Promise.reject(new Error(`could not save "${canary}"`));
else JSON.parse(`{"text": "${canary}" oops}`);
