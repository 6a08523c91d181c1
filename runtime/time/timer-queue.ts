// Pending timers ordered by (due instant, scheduling sequence): a binary heap,
// so scheduling and firing cost a logarithm of the pending count (docs/language.md "Runtime semantics"
// "Scale"). Cancelled timers stay in the heap and are recognised as stale when
// they come due; that keeps cancellation O(1).

export interface QueuedTimer {
  due: number;
  seq: number;
}

export class TimerQueue<T extends QueuedTimer> {
  private readonly heap: T[];

  constructor(timers: readonly T[] = []) {
    this.heap = timers.slice();
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  push(timer: T): void {
    this.heap.push(timer);
    this.siftUp(this.heap.length - 1);
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Pending timers in firing order (for snapshots and inspection). */
  toSortedArray(): T[] {
    return this.heap.slice().sort(compareTimers);
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
