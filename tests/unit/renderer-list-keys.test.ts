// The one rule for moving the active row of a keyboard list (src-renderer/components/lists/list-keys.ts),
// shared by the search results and the renewal queue.
import { describe, expect, it } from 'vitest';
import { nextActiveIndex } from '../../src-renderer/components/lists/list-keys.ts';

describe('nextActiveIndex', () => {
  it('moves by one with the arrows, staying inside the list', () => {
    expect(nextActiveIndex('ArrowDown', -1, 5, 3)).toBe(0); // the first press lands on the first row
    expect(nextActiveIndex('ArrowDown', 2, 5, 3)).toBe(3);
    expect(nextActiveIndex('ArrowDown', 4, 5, 3)).toBe(4);
    expect(nextActiveIndex('ArrowUp', 3, 5, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', 0, 5, 3)).toBe(0);
    expect(nextActiveIndex('ArrowUp', -1, 5, 3)).toBe(0);
  });

  it('moves by the rows in view with PageUp and PageDown', () => {
    expect(nextActiveIndex('PageDown', -1, 100, 10)).toBe(10);
    expect(nextActiveIndex('PageDown', 5, 100, 10)).toBe(15);
    expect(nextActiveIndex('PageDown', 95, 100, 10)).toBe(99);
    expect(nextActiveIndex('PageUp', 15, 100, 10)).toBe(5);
    expect(nextActiveIndex('PageUp', 5, 100, 10)).toBe(0);
    // a list shorter than one row still moves
    expect(nextActiveIndex('PageDown', 0, 100, 0)).toBe(1);
  });

  it('goes to the ends with Home and End, except from a text field (the caret keeps them)', () => {
    expect(nextActiveIndex('Home', 42, 100, 10)).toBe(0);
    expect(nextActiveIndex('End', 3, 100, 10)).toBe(99);
    expect(nextActiveIndex('Home', 42, 100, 10, { inField: true })).toBeNull();
    expect(nextActiveIndex('End', 3, 100, 10, { inField: true })).toBeNull();
    expect(nextActiveIndex('ArrowDown', 3, 100, 10, { inField: true })).toBe(4);
  });

  it('ignores other keys and an empty list', () => {
    expect(nextActiveIndex('a', 3, 100, 10)).toBeNull();
    expect(nextActiveIndex('Enter', 3, 100, 10)).toBeNull();
    expect(nextActiveIndex('ArrowDown', -1, 0, 10)).toBeNull();
  });
});
