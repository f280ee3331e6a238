// Chunked row hashes for the `row_hash` change mode, computed in the bridge worker over rows read
// in key order. Chunk boundaries come from the keys themselves (a chunk ends after a row whose key
// hashes to 0 modulo the chunk size), not from row positions: a row inserted or deleted changes
// only the chunk it falls in, where fixed-size chunks would shift every chunk after it.
import { createHash, type Hash } from 'node:crypto';
import type { Raw } from './transforms.ts';

/** One chunk of rows: its last key (null: the chunk that runs to the end) and a hash of its rows. */
export interface RowChunk {
  last: Raw[] | null;
  hash: string;
  rows: number;
}

/** A chunk runs at most this many times the chunk size, whatever the keys. */
const MAX_CHUNK_FACTOR = 4;

export class RowChunker {
  private hash: Hash = createHash('sha1');
  private rows = 0;
  private readonly chunkSize: number;

  constructor(chunkSize: number) {
    this.chunkSize = chunkSize;
  }

  /** Adds a row (its key and its content, in read order); returns the chunk it ends, if it ends one. */
  add(key: Raw[], values: Raw[]): RowChunk | null {
    this.hash.update(JSON.stringify(values, bigintAsText));
    this.hash.update('\n');
    this.rows++;
    const keyText = JSON.stringify(key, bigintAsText);
    if (fnv1a(keyText) % this.chunkSize !== 0 && this.rows < this.chunkSize * MAX_CHUNK_FACTOR) return null;
    return this.close(JSON.parse(keyText) as Raw[]);
  }

  /** The chunk of the rows after the last boundary, to the end of the table (even when empty). */
  finish(): RowChunk {
    return this.close(null);
  }

  private close(last: Raw[] | null): RowChunk {
    const chunk = { last, hash: this.hash.digest('hex'), rows: this.rows };
    this.hash = createHash('sha1');
    this.rows = 0;
    return chunk;
  }
}

/** How a chunk is named in the cache's table of hashes. */
export const chunkId = (last: Raw[] | null) => (last === null ? '' : JSON.stringify(last, bigintAsText));

const bigintAsText = (_: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** 32-bit FNV-1a: cheap, and spreads keys evenly enough to place boundaries. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
