import type { ReactNode } from 'react';
import { ProductName } from './ProductName.js';

/** The frame of pages shown before the portfolio is open: the product name and nothing to navigate. */
export function PlainPage({ children }: { children: ReactNode }) {
  return (
    <div className="app app--plain">
      <header className="app-header">
        <div className="app-header__inner">
          <ProductName />
        </div>
      </header>
      {children}
    </div>
  );
}
