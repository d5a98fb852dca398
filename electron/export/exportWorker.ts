import { parentPort, workerData } from 'node:worker_threads';
import { type ExportJobInput, buildExport } from '../../shared/services/exportHandlers.js';
import { type ExportEvent, failureMessage } from './exportJobs.js';

/** A worker thread that builds one Word file and hands its bytes back with the privacy check's findings. */
const port = parentPort;
if (port) {
  const post = (event: ExportEvent, transfer: ArrayBuffer[] = []) => port.postMessage(event, transfer);
  buildExport(workerData as ExportJobInput, (done, total) => {
    post({ type: 'progress', done, total });
    if (done >= total) post({ type: 'writing' });
  })
    .then((built) => post({ type: 'done', ...built }, [built.bytes.buffer as ArrayBuffer]))
    .catch((error: unknown) => post({ type: 'failed', message: failureMessage(error) }));
}
