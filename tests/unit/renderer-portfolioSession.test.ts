import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/contract.js';
import type { PlanToReview } from '../../shared/plans/planReview.js';
import { PortfolioSession } from '../../renderer/src/session/PortfolioSession.js';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';
import { openTestPortfolio } from '../fixtures/openTestPortfolio.js';
import { useTempFolders } from '../fixtures/tempFolder.js';

const tempFolder = useTempFolders();

async function sessionOnRealPortfolio() {
  const portfolio = await openTestPortfolio(await tempFolder());
  const client: ApiClient = { call: (name, argument) => portfolio.call(name, argument) };
  await portfolio.value('week.save', { weekStart: '2019-09-30', sections: weeklyLog({ weekStart: '2019-09-30', plans: [{ id: 'p1', text: 'Visit the navigators' }] }).sections });
  return { portfolio, session: new PortfolioSession(client, null) };
}

function settledPlans(session: PortfolioSession, planId: string): Promise<PlanToReview[]> {
  return new Promise((resolve) => session.writePlanReview('2019-10-07', planId, 'done', resolve));
}

describe('reviewing a plan from the page', () => {
  it('hands back the plans with the new choice once it is saved', async () => {
    const { session, portfolio } = await sessionOnRealPortfolio();
    expect(await settledPlans(session, 'p1')).toMatchObject([{ planId: 'p1', status: 'done' }]);
    await portfolio.opened.close();
  });

  it('hands back the plans as they are kept when the choice is refused, so no unsaved choice stays on screen', async () => {
    const { session, portfolio } = await sessionOnRealPortfolio();
    expect(await settledPlans(session, 'no-such-plan')).toMatchObject([{ planId: 'p1', status: null }]);
    await portfolio.opened.close();
  });
});
