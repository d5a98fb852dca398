interface IdeasPagerProps {
  page: number;
  pageCount: number;
  firstShown: number;
  lastShown: number;
  total: number;
  onPage(page: number): void;
}

/** Moves between pages of a long list of ideas; shown only when there is more than one page. */
export function IdeasPager({ page, pageCount, firstShown, lastShown, total, onPage }: IdeasPagerProps) {
  const count = (value: number) => value.toLocaleString('en-GB');
  return (
    <nav className="ideas-pager" aria-label="Pages of ideas">
      <button type="button" className="button" onClick={() => onPage(1)} disabled={page === 1}>
        First page
      </button>
      <button type="button" className="button" onClick={() => onPage(page - 1)} disabled={page === 1}>
        Previous page
      </button>
      <p className="ideas-pager__position" aria-live="polite">
        Ideas {count(firstShown)}–{count(lastShown)} of {count(total)} (page {count(page)} of {count(pageCount)})
      </p>
      <button type="button" className="button" onClick={() => onPage(page + 1)} disabled={page === pageCount}>
        Next page
      </button>
      <button type="button" className="button" onClick={() => onPage(pageCount)} disabled={page === pageCount}>
        Last page
      </button>
    </nav>
  );
}
