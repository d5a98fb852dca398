import { createContext, useContext } from 'react';
import type { PortfolioSession } from './PortfolioSession.js';

export const SessionContext = createContext<PortfolioSession | null>(null);

export function useSession(): PortfolioSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a SessionContext provider.');
  return session;
}
