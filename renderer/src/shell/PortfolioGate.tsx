import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PortfolioStatus } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { Transport } from '../api/chooseTransport.js';
import { DamagedPortfolioView } from '../damaged/DamagedPortfolioView.js';
import { UnlockView } from '../security/UnlockView.js';
import { PortfolioSession } from '../session/PortfolioSession.js';
import type { StartupRequests } from '../session/StartupRequests.js';
import { SessionContext } from '../session/SessionContext.js';
import { AppShell } from './AppShell.js';
import { NoTokenMessage } from './NoTokenMessage.js';
import { PlainPage } from './PlainPage.js';
import { useDesktopOpenedFiles } from './useDesktopOpenedFiles.js';
import { useSaveOnClose } from './useSaveOnClose.js';

type OpenTransport = Exclude<Transport, { kind: 'no-token' }>;

type Opening = { state: 'opening' } | { state: 'open'; status: PortfolioStatus } | { state: 'refused' } | { state: 'failed'; message: string };

interface PortfolioGateProps {
  transport: OpenTransport;
  startup: StartupRequests | null;
}

/** Asks whether the portfolio could be opened, then shows the app, the unlock page, or only the damaged-file page. */
export function PortfolioGate({ transport, startup }: PortfolioGateProps) {
  const session = useMemo(
    () => new PortfolioSession(transport.client, transport.kind === 'web' ? (name, argument) => transport.client.callWhilePageCloses(name, argument) : null, startup),
    [transport, startup],
  );
  const [firstCheck] = useState(() => startup?.status ?? null);
  const [opening, setOpening] = useState<Opening>({ state: 'opening' });
  useSaveOnClose(session, transport);
  useDesktopOpenedFiles(transport);

  const check = useCallback((early: Promise<Result<PortfolioStatus>> | null = null) => {
    setOpening({ state: 'opening' });
    void (early ?? transport.client.call('portfolio.status', {})).then((result) => {
      if (result.ok) setOpening({ state: 'open', status: result.value });
      else if (result.error.code === 'unauthorised') setOpening({ state: 'refused' });
      else setOpening({ state: 'failed', message: result.error.message });
    });
  }, [transport]);

  useEffect(() => check(firstCheck), [check, firstCheck]);

  if (opening.state === 'refused') return <NoTokenMessage reason="refused" />;
  if (opening.state === 'open' && opening.status.state === 'ready') {
    return (
      <SessionContext.Provider value={session}>
        <AppShell restoredFrom={opening.status.restoredFrom} />
      </SessionContext.Provider>
    );
  }
  return (
    <PlainPage>
      {opening.state === 'open' && opening.status.state === 'damaged' ? (
        <DamagedPortfolioView client={transport.client} status={opening.status} onStatusChange={(status) => setOpening({ state: 'open', status })} />
      ) : opening.state === 'open' && opening.status.state === 'locked' ? (
        <UnlockView client={transport.client} onStatusChange={(status) => setOpening({ state: 'open', status })} />
      ) : (
        <main id="main-content" className="page plain-page" tabIndex={-1} aria-busy={opening.state === 'opening'}>
          {opening.state === 'failed' ? (
            <>
              <h1>Your portfolio could not be opened</h1>
              <p role="alert">{opening.message}</p>
              <button type="button" className="button" onClick={() => check()}>
                Try again
              </button>
            </>
          ) : (
            <p className="muted">Opening your portfolio…</p>
          )}
        </main>
      )}
    </PlainPage>
  );
}
