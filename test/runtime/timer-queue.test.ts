// The timer queue gives timers in (due, seq) order; a dropped timer never comes
// out, is not counted and is not listed, however many are dropped (below and
// past the point where the heap is rebuilt) and whenever (between pops).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TimerQueue, type QueuedTimer } from "../../runtime/time/timer-queue";

const byDue = (a: QueuedTimer, b: QueuedTimer) => a.due - b.due || a.seq - b.seq;

describe("TimerQueue", () => {
  it("pops the timers not dropped in due order, counts and lists only them", () => {
    const plan = fc.record({
      dues: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }),
      dropEvery: fc.integer({ min: 1, max: 4 }),
      popsBetween: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(plan, ({ dues, dropEvery, popsBetween }) => {
        const timers = dues.map((due, seq) => ({ due, seq }));
        const queue = new TimerQueue<QueuedTimer>();
        for (const timer of timers) queue.push(timer);
        const popped: QueuedTimer[] = [];
        for (let i = 0; i < popsBetween; i++) {
          const timer = queue.pop();
          if (timer) popped.push(timer);
        }
        const dropped = new Set(timers.filter((timer, i) => i % dropEvery === 0 && !popped.includes(timer)));
        for (const timer of dropped) queue.drop(timer);
        const rest = timers.filter((timer) => !dropped.has(timer) && !popped.includes(timer)).sort(byDue);
        expect(queue.size).toBe(rest.length);
        expect(queue.toSortedArray()).toEqual(rest);
        expect(queue.peek()).toBe(rest[0]);
        for (let timer = queue.pop(); timer !== undefined; timer = queue.pop()) popped.push(timer);
        expect(popped).toEqual(timers.filter((timer) => !dropped.has(timer)).sort(byDue));
        expect(queue.size).toBe(0);
      }),
    );
  });
});
