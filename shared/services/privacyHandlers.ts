import { strFromU8 } from 'fflate';
import type { ApiHandlers, PrivacyOverview } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { privacyLimits, tidyNameList } from '../privacy/privacySettings.js';
import type { PortfolioHost } from '../store/portfolioStore.js';
import { portfolioUnavailable } from './unavailable.js';

type PrivacyHandlers = Pick<ApiHandlers, 'privacy.get' | 'privacy.setLists' | 'privacy.dismiss' | 'privacy.undismiss'>;
type SecurityHandlers = Pick<
  ApiHandlers,
  'portfolio.unlock' | 'security.get' | 'security.setPassphrase' | 'security.changePassphrase' | 'security.removePassphrase' | 'security.setRemembered' | 'security.plainCopy'
>;

const overview = (data: PortfolioData): PrivacyOverview => ({ alwaysFlag: data.privacy.alwaysFlag, neverFlag: data.privacy.neverFlag, dismissed: data.privacy.dismissed });

/** The privacy check's lists and the occurrences dismissed in the editor. */
export function createPrivacyHandlers(host: PortfolioHost, newId: () => string, now: () => Date): PrivacyHandlers {
  return {
    'privacy.get': async () => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      return ok(overview(store.read()));
    },
    'privacy.setLists': async ({ alwaysFlag, neverFlag }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const lists = { alwaysFlag: tidyNameList(alwaysFlag), neverFlag: tidyNameList(neverFlag) };
      const data = store.read();
      if (JSON.stringify(lists) !== JSON.stringify({ alwaysFlag: data.privacy.alwaysFlag, neverFlag: data.privacy.neverFlag })) {
        await store.update((current) => ({ ...current, privacy: { ...current.privacy, ...lists } }));
      }
      return ok(overview(store.read()));
    },
    'privacy.dismiss': async ({ entryId, kind, text, before, after }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      if (!data.entries.some((entry) => entry.id === entryId)) return failure('not-found', 'That entry is no longer in the portfolio.');
      const same = data.privacy.dismissed.find((item) => item.entryId === entryId && item.kind === kind && item.text === text && item.before === before && item.after === after);
      if (same) return ok(same);
      if (data.privacy.dismissed.length >= privacyLimits.dismissals) return failure('invalid-argument', `At most ${privacyLimits.dismissals.toLocaleString('en-GB')} findings can be dismissed. Fix some instead.`);
      const dismissal = { id: newId(), entryId, kind, text, before, after, dismissedAt: now().toISOString() };
      await store.update((current) => ({ ...current, privacy: { ...current.privacy, dismissed: [...current.privacy.dismissed, dismissal] } }));
      return ok(dismissal);
    },
    'privacy.undismiss': async ({ dismissalId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      if (store.read().privacy.dismissed.some((item) => item.id === dismissalId)) {
        await store.update((current) => ({ ...current, privacy: { ...current.privacy, dismissed: current.privacy.dismissed.filter((item) => item.id !== dismissalId) } }));
      }
      return ok(overview(store.read()));
    },
  };
}

const cannotEncrypt = () => failure<never>('internal', 'Locking with a passphrase is not available in this window.');

/** Encryption at rest, handed to whoever opened the folder: this layer only checks and forwards. */
export function createSecurityHandlers(host: PortfolioHost): SecurityHandlers {
  const ready = () => host.status().state === 'ready';
  return {
    'portfolio.unlock': async ({ passphrase, remember }) => {
      if (!host.protection) return cannotEncrypt();
      if (host.status().state !== 'locked') return ok(host.status());
      return host.protection.unlock(passphrase, remember);
    },
    'security.get': async () => (host.protection ? ok(host.protection.state()) : ok({ encrypted: false, remembered: false, canRemember: false })),
    'security.setPassphrase': async ({ passphrase, remember }) => {
      if (!host.protection) return cannotEncrypt();
      if (!ready()) return portfolioUnavailable();
      if (host.protection.state().encrypted) return failure('invalid-argument', 'This portfolio already has a passphrase. Change it instead.');
      return host.protection.setPassphrase(passphrase, remember);
    },
    'security.changePassphrase': async ({ current, next, remember }) => {
      if (!host.protection) return cannotEncrypt();
      if (!ready()) return portfolioUnavailable();
      if (!host.protection.state().encrypted) return failure('invalid-argument', 'This portfolio has no passphrase to change. Set one instead.');
      return host.protection.changePassphrase(current, next, remember);
    },
    'security.removePassphrase': async ({ current }) => {
      if (!host.protection) return cannotEncrypt();
      if (!ready()) return portfolioUnavailable();
      if (!host.protection.state().encrypted) return failure('invalid-argument', 'This portfolio has no passphrase to remove.');
      return host.protection.removePassphrase(current);
    },
    'security.setRemembered': async ({ remember }) => {
      if (!host.protection) return cannotEncrypt();
      if (!ready()) return portfolioUnavailable();
      return host.protection.setRemembered(remember);
    },
    'security.plainCopy': async () => {
      if (!host.protection) return cannotEncrypt();
      if (!ready()) return portfolioUnavailable();
      const copy = await host.protection.plainCopy();
      if (!copy.ok) return copy;
      return ok({ fileName: 'portfolio-unencrypted-copy.zip', base64: bytesToBase64(copy.value), bytes: copy.value.length });
    },
  };
}

/** The standard base64 encoder, present in Node and in every browser (shared/ is compiled without either's types). */
declare function btoa(latin1: string): string;

const bytesToBase64 = (bytes: Uint8Array): string => btoa(strFromU8(bytes, true));
