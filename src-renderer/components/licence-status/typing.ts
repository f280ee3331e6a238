// Single-key shortcuts ("C", "V") act only when the person is not typing in a field, nor in a
// control that takes letters itself (a dropdown's or a list's type-ahead, a grid, a menu).
const takesLetters =
  '[role="combobox"],[role="listbox"],[role="menu"],[role="menubar"],[role="grid"],[role="treegrid"],[role="textbox"],[role="spinbutton"],[role="searchbox"]';

export function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return target.closest(takesLetters) !== null;
}
