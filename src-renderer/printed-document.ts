// Turns a PrintedDocument (the contract's answer of every operation that prints) into something the
// browser can show: a Blob URL for a new tab (the PDF viewer prints from there) and for a download
// link named after the file. The URL is revoked when the next document replaces it or the part unmounts.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintedDocument } from '../src-main/common/ops/document-ops.ts';

export interface OpenedDocument extends PrintedDocument {
  url: string;
  /** False when the browser refused the new window (a popup blocker): the links remain. */
  opened: boolean;
}

export function blobOf(document: PrintedDocument): Blob {
  const binary = atob(document.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: document.mimeType });
}

/** Calls `make` (an operation returning a PrintedDocument), then opens the result in a new tab. */
export function usePrintedDocument(
  make: () => Promise<PrintedDocument>,
  options: { openWindow?: boolean } = {},
) {
  const openWindow = options.openWindow ?? true;
  const [document, setDocument] = useState<OpenedDocument | null>(null);
  const urlRef = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );
  const mutation = useMutation({
    mutationFn: make,
    onSuccess: (printed) => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      const url = URL.createObjectURL(blobOf(printed));
      urlRef.current = url;
      let opened = false;
      if (openWindow && printed.mimeType === 'application/pdf') {
        const win = window.open(url, '_blank');
        if (win) {
          win.opener = null;
          opened = true;
        }
      }
      setDocument({ ...printed, url, opened });
    },
  });
  const run = useCallback(() => {
    if (!mutation.isPending) mutation.mutate();
  }, [mutation]);
  return { run, document, pending: mutation.isPending, error: mutation.error };
}
