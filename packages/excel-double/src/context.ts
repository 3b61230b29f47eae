/**
 * The request context: a queue of operations that runs, in order, at `sync()`, with Excel's limits
 * (5 MB request and response, 5,000,000 cells read) checked the way Excel checks them.
 */
import { ExcelDoubleError } from "./errors";
import { WorkbookModel } from "./model";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;
/** What one queued operation costs in the request besides the arrays it carries (object path, method name, ids). */
export const OPERATION_BYTES = 100;

export interface DoubleStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  largestReadCells: number;
  lastRequestBytes: number;
  lastResponseBytes: number;
  lastReadCells: number;
  suspendCalculationCalls: number;
  calculateCalls: number;
}

export function freshStats(): DoubleStats {
  return {
    syncs: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    largestReadCells: 0,
    lastRequestBytes: 0,
    lastResponseBytes: 0,
    lastReadCells: 0,
    suspendCalculationCalls: 0,
    calculateCalls: 0,
  };
}

/** What a sync collects while its operations run; `dry` runs only measure and change nothing. */
export interface SyncAccumulator {
  dry: boolean;
  commits: (() => void)[];
  responseBytes: number;
  cells: number;
}

export interface Operation {
  mutates: boolean;
  load?: boolean;
  requestBytes: number;
  run(acc: SyncAccumulator): void;
  /** Cells whose properties this load reads, counted before anything runs. */
  cells?(): number;
}

/** What a failSync predicate is told about a sync before it runs. */
export interface SyncInfo {
  /** The sync's number since the double was made or its stats were reset (1 = the first). */
  number: number;
  /** Queued operations, and whether any of them changes the workbook. */
  operations: number;
  mutates: boolean;
}

export interface DoubleState {
  model: WorkbookModel;
  stats: DoubleStats;
  /** failSyncAfter: the nth next sync applies the first half of its operations, then fails. */
  failIn: number | null;
  failCode: string;
  /** failSync: the first sync this accepts fails before applying anything. */
  failWhen: ((sync: SyncInfo) => boolean) | null;
  failWhenCode: string;
}

export class SyncEngine {
  queue: Operation[] = [];
  constructor(readonly state: DoubleState) {}

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  flush(): void {
    const ops = this.queue;
    this.queue = [];
    const { stats } = this.state;
    stats.syncs++;
    this.failWholeSyncIfAsked(ops);

    let request = 0;
    for (const op of ops) request += op.requestBytes;
    stats.lastRequestBytes = request;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, request);
    if (request > PAYLOAD_LIMIT_BYTES) throw new ExcelDoubleError("RequestPayloadSizeLimitExceeded");

    // Excel refuses an over-large read before it builds the arrays.
    let cells = 0;
    for (const op of ops) cells += op.cells ? op.cells() : 0;
    if (cells > CELL_READ_LIMIT) {
      stats.lastReadCells = cells;
      stats.largestReadCells = Math.max(stats.largestReadCells, cells);
      throw new ExcelDoubleError("RangeExceedsLimit");
    }

    // A batch that changes the workbook is measured first, so that a response over the limit
    // rejects it before anything is applied (loads after a write are measured on the workbook as
    // it was: the one approximation of the double).
    const mutating = ops.some((op) => op.mutates);
    if (mutating) {
      const dry: SyncAccumulator = { dry: true, commits: [], responseBytes: 0, cells: 0 };
      for (const op of ops) {
        if (!op.load) continue;
        try {
          op.run(dry);
        } catch (e) {
          if (e instanceof ExcelDoubleError && (e.code === "RangeExceedsLimit" || e.code.endsWith("LimitExceeded"))) {
            this.record(dry);
            throw e;
          }
        }
      }
      this.checkResponse(dry);
    }

    let failAfter = -1;
    if (this.state.failIn !== null && --this.state.failIn === 0) {
      this.state.failIn = null;
      failAfter = Math.floor(ops.length / 2);
    }
    const acc: SyncAccumulator = { dry: false, commits: [], responseBytes: 0, cells: 0 };
    try {
      for (let i = 0; i < ops.length; i++) {
        if (i === failAfter) break;
        ops[i].run(acc);
      }
    } catch (e) {
      if (!mutating) this.record(acc);
      throw e;
    }
    if (failAfter >= 0) throw new ExcelDoubleError(this.state.failCode);
    if (!mutating) this.checkResponse(acc);
    else this.record(acc);
    for (const commit of acc.commits) commit();
  }

  /** A sync failSync chose fails before anything runs: none of its writes land, none of its loads fill in. */
  private failWholeSyncIfAsked(ops: Operation[]): void {
    const when = this.state.failWhen;
    if (!when) return;
    if (!when({ number: this.state.stats.syncs, operations: ops.length, mutates: ops.some((op) => op.mutates) })) return;
    this.state.failWhen = null;
    throw new ExcelDoubleError(this.state.failWhenCode, "RequestContext.sync");
  }

  private record(acc: SyncAccumulator): void {
    const { stats } = this.state;
    stats.lastResponseBytes = acc.responseBytes;
    stats.lastReadCells = acc.cells;
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, acc.responseBytes);
    stats.largestReadCells = Math.max(stats.largestReadCells, acc.cells);
  }

  private checkResponse(acc: SyncAccumulator): void {
    this.record(acc);
    if (acc.responseBytes > PAYLOAD_LIMIT_BYTES) throw new ExcelDoubleError("ResponsePayloadSizeLimitExceeded");
  }
}

/** Counts cells a load reads, refusing before the arrays are built when a sync would pass the limit. */
export function countReadCells(acc: SyncAccumulator, cells: number, location: string): void {
  acc.cells += cells;
  if (acc.cells > CELL_READ_LIMIT) throw new ExcelDoubleError("RangeExceedsLimit", location);
}
