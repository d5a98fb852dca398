import { failure } from '../api/result.js';

/** What every operation answers while the portfolio could not be opened. */
export const portfolioUnavailable = () =>
  failure<never>('portfolio-unavailable', 'The portfolio could not be opened, so nothing can be read or saved until it is restored from a backup.');
