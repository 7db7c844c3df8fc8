// Compact in-memory tables for runs of millions of rows. A `Map<string, ...>` of a million keys
// costs ~125 MB of heap; these cost ~30-60 bytes per distinct row, in a few typed arrays the
// garbage collector never walks.
import { KEY_BYTES } from './key.js';

/** Open-addressing hash table: 16-byte key → (one state byte, one 32-bit row index). */
export class KeyIndex {
  private words: Uint32Array;
  private states: Uint8Array;
  private firsts: Uint32Array;
  private mask: number;
  /** Number of keys held. */
  size = 0;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.words = new Uint32Array(slots * 4);
    this.states = new Uint8Array(slots);
    this.firsts = new Uint32Array(slots);
  }

  /** The slot holding `key` (16 bytes), or -1. */
  find(key: Uint8Array): number {
    const slot = this.probe(key);
    return this.states[slot] === 0 ? -1 : slot;
  }

  /** State of a slot `find` returned (never 0: 0 marks an empty slot). */
  state(slot: number): number {
    return this.states[slot]!;
  }

  /** Row index stored with a slot. */
  first(slot: number): number {
    return this.firsts[slot]!;
  }

  /** Inserts or overwrites `key`. `state` must be 1-255. */
  set(key: Uint8Array, state: number, first: number): void {
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const slot = this.probe(key);
    if (this.states[slot] === 0) {
      this.size++;
      for (let i = 0; i < 4; i++) this.words[slot * 4 + i] = word(key, i);
    }
    this.states[slot] = state;
    this.firsts[slot] = first;
  }

  /** The slot where `key` is, or the empty slot where it would go (linear probing). */
  private probe(key: Uint8Array): number {
    const a = word(key, 0);
    const b = word(key, 1);
    const c = word(key, 2);
    const d = word(key, 3);
    // The key is already a uniform hash: its first word picks the slot.
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.states[slot] === 0) return slot;
      const w = slot * 4;
      const words = this.words;
      if (words[w] === a && words[w + 1] === b && words[w + 2] === c && words[w + 3] === d) return slot;
    }
  }

  private grow(): void {
    const { words, states, firsts } = this;
    const slots = (this.mask + 1) * 2;
    this.mask = slots - 1;
    this.words = new Uint32Array(slots * 4);
    this.states = new Uint8Array(slots);
    this.firsts = new Uint32Array(slots);
    this.size = 0;
    const key = new Uint8Array(KEY_BYTES);
    const view = new DataView(key.buffer);
    for (let slot = 0; slot < states.length; slot++) {
      if (states[slot] === 0) continue;
      for (let i = 0; i < 4; i++) view.setUint32(i * 4, words[slot * 4 + i]!, true);
      this.set(key, states[slot]!, firsts[slot]!);
    }
  }
}

/** The i-th little-endian 32-bit word of a 16-byte key. */
function word(key: Uint8Array, i: number): number {
  const o = i * 4;
  return (key[o]! | (key[o + 1]! << 8) | (key[o + 2]! << 16) | (key[o + 3]! << 24)) >>> 0;
}

type NumberArray = Uint8Array | Uint32Array;

/** A number per row index (0 for rows never set) in a typed array that grows as indexes grow. */
class Column {
  private data: NumberArray;

  constructor(private readonly make: (length: number) => NumberArray) {
    this.data = make(1024);
  }

  get(index: number): number {
    return index < this.data.length ? this.data[index]! : 0;
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) {
      let length = this.data.length * 2;
      while (length <= index) length *= 2;
      const bigger = this.make(length);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[index] = value;
  }
}

/** A byte per row index. */
export class ByteColumn extends Column {
  constructor() {
    super((n) => new Uint8Array(n));
  }
}

/** A 32-bit unsigned number per row index. */
export class U32Column extends Column {
  constructor() {
    super((n) => new Uint32Array(n));
  }
}
