import type { Page } from '@playwright/test';
import type { ApiInput, ApiOutputs, OperationName } from '../../shared/api/contract.js';

/**
 * Calls an operation from inside the page, as the page's own client does (same token, same
 * endpoint): for setting up what a test is not about.
 */
export async function callFromPage<K extends OperationName>(page: Page, name: K, argument: ApiInput<K>): Promise<ApiOutputs[K]> {
  const result = await page.evaluate(
    async ({ name: operation, argument: input }) => {
      const token = sessionStorage.getItem('reflective-portfolio.token') ?? '';
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: operation, argument: input }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { name, argument },
  );
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.message ?? 'no message'}`);
  return result.value as ApiOutputs[K];
}
