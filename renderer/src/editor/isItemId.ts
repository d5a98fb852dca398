const itemIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

/** The shape the back end accepts for the id of an idea or a plan. */
export function isItemId(value: unknown): value is string {
  return typeof value === 'string' && itemIdPattern.test(value);
}
