import type { Transport } from './api/chooseTransport.js';
import { NoTokenMessage } from './shell/NoTokenMessage.js';
import { PortfolioGate } from './shell/PortfolioGate.js';

export function App({ transport }: { transport: Transport }) {
  if (transport.kind === 'no-token') return <NoTokenMessage reason="missing" />;
  return <PortfolioGate transport={transport} />;
}
