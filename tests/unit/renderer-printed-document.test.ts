// The UI side of a PrintedDocument: its base64 becomes the exact bytes of a Blob of its type.
import { describe, expect, it } from 'vitest';
import { blobOf } from '../../src-renderer/printed-document.ts';

describe('blobOf', () => {
  it('decodes the base64 to the same bytes, typed', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const blob = blobOf({
      fileName: 'x.pdf',
      mimeType: 'application/pdf',
      base64: Buffer.from(bytes).toString('base64'),
      savedTo: '/tmp/x.pdf',
    });
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
