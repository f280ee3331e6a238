// "V" (when not typing in a field, no dialog open) opens the certificate verification screen.
import { useEffect } from 'react';
import { isTypingIn } from './typing.ts';

export const verifyHref = '#/certificates/verify';

export function useVerifyShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.toLowerCase() !== 'v' || isTypingIn(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      window.location.hash = verifyHref;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
