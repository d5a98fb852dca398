import { PlainPage } from './PlainPage.js';

interface NoTokenMessageProps {
  /** missing: the address had no key; refused: the app no longer accepts this one (it was restarted). */
  reason: 'missing' | 'refused';
}

/** Shown in a browser tab opened without the address printed in the terminal. */
export function NoTokenMessage({ reason }: NoTokenMessageProps) {
  return (
    <PlainPage>
      <main id="main-content" className="page plain-page" tabIndex={-1} data-testid="no-token">
        <h1>{reason === 'missing' ? 'Open the address printed in the terminal' : 'This address is out of date'}</h1>
        <p>
          {reason === 'missing'
            ? 'For your privacy, Reflective Portfolio only opens from the address it printed in the terminal when it started. That address carries a private key after “#token=”.'
            : 'Reflective Portfolio has been restarted since this page was opened, so it no longer accepts this page’s key.'}
        </p>
        <p>Go back to the terminal where you started Reflective Portfolio and open the address it printed (it starts with http://127.0.0.1).</p>
      </main>
    </PlainPage>
  );
}
