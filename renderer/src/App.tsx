import type { Transport } from './api/chooseTransport.js';
import { NoTokenMessage } from './shell/NoTokenMessage.js';
import type { StartupRequests } from './session/StartupRequests.js';
import { PortfolioGate } from './shell/PortfolioGate.js';

interface AppProps {
  transport: Transport;
  /** Requests already sent while the script started (none without a token). */
  startup: StartupRequests | null;
}

export function App({ transport, startup }: AppProps) {
  if (transport.kind === 'no-token') return <NoTokenMessage reason="missing" />;
  return <PortfolioGate transport={transport} startup={startup} />;
}
