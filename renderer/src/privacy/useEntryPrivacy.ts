import { useEffect, useMemo, useRef } from 'react';
import { useSession } from '../session/SessionContext.js';
import { EntryPrivacy } from './EntryPrivacy.js';
import { privacyStoreOf } from './PrivacyStore.js';

/**
 * The privacy check of the entry a page shows, made once for the page. `entryId` gives the entry's
 * id for a dismissal (saving a new week first); `entryKey` names the entry on screen now.
 */
export function useEntryPrivacy(entryId: () => Promise<string | null>, entryKey: () => string | null): EntryPrivacy {
  const session = useSession();
  const latest = useRef({ entryId, entryKey });
  latest.current = { entryId, entryKey };
  const privacy = useMemo(
    () =>
      new EntryPrivacy(
        privacyStoreOf(session),
        () => latest.current.entryId(),
        () => latest.current.entryKey(),
      ),
    [session],
  );
  // The lists may have changed on another page (Settings) since they were read.
  useEffect(() => {
    void privacy.store.revalidate();
  }, [privacy]);
  return privacy;
}
