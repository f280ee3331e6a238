// Which row a key moves the active row of a keyboard list to: the one rule for every list (the
// search results, the renewal queue), so they move alike. Pure, so it is tested without a browser.

export interface ListKeyOptions {
  /** The key was pressed in a text field that drives the list (the search box): Home and End move
   *  the caret there, not the list. */
  inField?: boolean;
}

/**
 * The index the key moves to, or null when the key does not move the list. `active` is -1 when
 * no row is active yet; `pageRows` is how many rows the list shows at once (PageUp/PageDown).
 */
export function nextActiveIndex(
  key: string,
  active: number,
  count: number,
  pageRows: number,
  options: ListKeyOptions = {},
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const page = Math.max(1, pageRows);
  switch (key) {
    case 'ArrowDown':
      return Math.min(active + 1, last);
    case 'ArrowUp':
      return Math.max(active - 1, 0);
    case 'PageDown':
      return Math.min(Math.max(active, 0) + page, last);
    case 'PageUp':
      return Math.max(active - page, 0);
    case 'Home':
      return options.inField ? null : 0;
    case 'End':
      return options.inField ? null : last;
    default:
      return null;
  }
}
