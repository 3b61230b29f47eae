import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorstList } from "../../src/core/worst";

const fill = (capacity: number, amounts: number[], order?: number[]) => {
  const list = new WorstList(capacity);
  for (const row of order ?? amounts.map((_, i) => i)) list.offer(row, amounts[row]);
  return list.result();
};

describe("WorstList", () => {
  it("keeps the largest shortfalls, largest first", () => {
    expect(fill(3, [5, 1, 9, 3, 7, 2])).toEqual([2, 4, 0]);
  });

  it("holds everything when fewer rows than capacity", () => {
    expect(fill(10, [5, 1, 9])).toEqual([2, 0, 1]);
  });

  it("capacity 1 keeps the single worst", () => {
    expect(fill(1, [3, 8, 8, 2])).toEqual([1]);
  });

  it("ties rank the earlier row first", () => {
    expect(fill(5, [4, 4, 4])).toEqual([0, 1, 2]);
  });

  it("ties at the capacity keep the earlier rows", () => {
    expect(fill(2, [5, 5, 5])).toEqual([0, 1]);
  });

  it("ties keep the earlier rows even when offered in reverse", () => {
    expect(fill(2, [5, 5, 5], [2, 1, 0])).toEqual([0, 1]);
  });

  it("a later larger shortfall pushes out the smallest", () => {
    expect(fill(2, [1, 2, 3, 10])).toEqual([3, 2]);
  });

  it("ignores zero, negative and NaN amounts (no shortfall)", () => {
    expect(fill(5, [0, -5, Number.NaN, -0])).toEqual([]);
    expect(fill(5, [0, 3, -5, 1])).toEqual([1, 3]);
  });

  it("capacity 0 holds nothing", () => {
    expect(fill(0, [5, 6, 7])).toEqual([]);
  });

  it("result() can be read more than once", () => {
    const list = new WorstList(2);
    list.offer(0, 1);
    list.offer(1, 2);
    expect(list.result()).toEqual([1, 0]);
    expect(list.result()).toEqual([1, 0]);
    list.offer(2, 3);
    expect(list.result()).toEqual([2, 1]);
  });

  it("matches sort-and-take for any amounts, capacity and order of arrival", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double({ noDefaultInfinity: true })), { maxLength: 60 }),
        fc.integer({ min: 0, max: 15 }),
        fc.infiniteStream(fc.nat()),
        (amounts, capacity, randoms) => {
          // A random order of arrival (Fisher-Yates driven by the stream).
          const order = amounts.map((_, i) => i);
          const it = randoms[Symbol.iterator]();
          for (let i = order.length - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const expected = amounts
            .map((amount, row) => ({ row, amount }))
            .filter((e) => e.amount > 0)
            .sort((a, b) => (a.amount === b.amount ? a.row - b.row : b.amount > a.amount ? 1 : -1))
            .slice(0, capacity)
            .map((e) => e.row);
          expect(fill(capacity, amounts, order)).toEqual(expected);
        },
      ),
    );
  });
});
