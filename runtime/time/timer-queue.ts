// Pending timers ordered by (due instant, scheduling sequence): a binary heap,
// so scheduling and firing cost a logarithm of the pending count (docs/language.md "Runtime semantics"
// "Scale"). A dropped timer is marked and leaves the heap when it reaches the
// top, or when dropped timers are half of it; until then no answer counts it,
// and dropping costs no more than a set insertion (amortised).

export interface QueuedTimer {
  due: number;
  seq: number;
}

/** Below this many dropped timers the heap is not rebuilt: they leave it as they reach its top. */
const REBUILD_MIN_DROPPED = 64;

export class TimerQueue<T extends QueuedTimer> {
  private heap: T[];
  /** Timers dropped while still in the heap. */
  private readonly dropped = new Set<T>();

  constructor(timers: readonly T[] = []) {
    this.heap = timers.slice();
    this.heapify();
  }

  /** The pending timers, dropped ones not counted. */
  get size(): number {
    return this.heap.length - this.dropped.size;
  }

  peek(): T | undefined {
    this.shedDropped();
    return this.heap[0];
  }

  push(timer: T): void {
    this.heap.push(timer);
    this.siftUp(this.heap.length - 1);
  }

  pop(): T | undefined {
    this.shedDropped();
    return this.popTop();
  }

  /** Drops a timer that is pending in this queue: it never comes out of it. */
  drop(timer: T): void {
    this.dropped.add(timer);
    if (this.dropped.size >= REBUILD_MIN_DROPPED && this.dropped.size * 2 > this.heap.length) {
      this.heap = this.heap.filter((pending) => !this.dropped.has(pending));
      this.dropped.clear();
      this.heapify();
    }
  }

  /** Pending timers in firing order (for snapshots and inspection). */
  toSortedArray(): T[] {
    const pending = this.dropped.size === 0 ? this.heap.slice() : this.heap.filter((timer) => !this.dropped.has(timer));
    return pending.sort(compareTimers);
  }

  private shedDropped(): void {
    while (this.dropped.size > 0 && this.heap.length > 0 && this.dropped.delete(this.heap[0]!)) this.popTop();
  }

  private heapify(): void {
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private popTop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    const item = heap[index]!;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (compareTimers(item, heap[parent]!) >= 0) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = item;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const length = heap.length;
    const item = heap[index]!;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      if (child + 1 < length && compareTimers(heap[child + 1]!, heap[child]!) < 0) child++;
      if (compareTimers(heap[child]!, item) >= 0) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = item;
  }
}

function compareTimers(a: QueuedTimer, b: QueuedTimer): number {
  return a.due - b.due || a.seq - b.seq;
}
