export interface ListPage {
  page: number;
  pageCount: number;
  /** Index of the page's first item in the whole list. */
  start: number;
  /** Index just after the page's last item. */
  end: number;
}

/**
 * Pages counted back from the end, so the last page (the most recent items, shown first) is
 * always full and the first page holds whatever is left over.
 */
export function pageOfList(total: number, perPage: number, requested: number | null): ListPage {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(requested ?? pageCount, 1), pageCount);
  const firstPageSize = total - (pageCount - 1) * perPage;
  const start = page === 1 ? 0 : firstPageSize + (page - 2) * perPage;
  const end = page === 1 ? firstPageSize : start + perPage;
  return { page, pageCount, start, end: Math.min(end, total) };
}
