/** Proxy objects: queued loads and writes, PropertyNotLoaded before a load has been synced, *OrNullObject. */
import { ExcelDoubleError, propertyNotLoaded } from "./errors";
import { OPERATION_BYTES, Operation, SyncAccumulator, SyncEngine } from "./context";
import { jsonSize } from "./model";

/** The one place a fake is handed out as the Excel type it stands for. */
export function real<T>(fake: object): T {
  return fake as unknown as T;
}

export type LoadOption = string | string[] | { select?: string; expand?: string } | object;

export function parseLoad(option?: LoadOption): string[][] {
  const split = (s: string): string[][] =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .map((p) => p.split("/").map((x) => x.trim()));
  if (option === undefined || option === null) return [[]];
  if (typeof option === "string") return split(option);
  if (Array.isArray(option)) return option.flatMap((o) => split(String(o)));
  const o = option as { select?: string; expand?: string };
  const paths = [...(o.select ? split(o.select) : []), ...(o.expand ? split(o.expand).map((p) => [...p, ""]) : [])];
  return paths.length ? paths.map((p) => p.filter((x) => x !== "")) : [[]];
}

/** Resolves an object's path once, at the first sync that needs it, as Excel does. */
export class Locator<T> {
  private done = false;
  private memo: T | null = null;
  constructor(private readonly find: (dry: boolean) => T | null) {}
  get(dry: boolean): T | null {
    if (this.done) return this.memo;
    const v = this.find(dry);
    if (!dry) {
      this.done = true;
      this.memo = v;
    }
    return v;
  }
}

export abstract class FakeObject<T> {
  /** Loaded (or locally set) property values; undefined means not loaded, as in office.js. */
  protected _p: Record<string, unknown> = {};
  protected _isNull = false;
  readonly locator: Locator<T>;

  constructor(
    readonly engine: SyncEngine,
    readonly entity: string,
    find: (dry: boolean) => T | null,
    nullable = false,
  ) {
    this.locator = new Locator(find);
    if (nullable) {
      // *OrNullObject: whether the object exists is known after the next sync, loaded or not.
      engine.enqueue({
        mutates: false,
        requestBytes: OPERATION_BYTES,
        run: (acc) => {
          const t = this.target(acc.dry);
          if (!acc.dry) acc.commits.push(() => this.markNull(t === null));
        },
      });
    }
  }

  get isNullObject(): boolean {
    return this.prop<boolean>("isNullObject");
  }

  protected markNull(isNull: boolean): void {
    this._isNull = isNull;
    this._p.isNullObject = isNull;
  }

  protected prop<V>(name: string): V {
    const v = this._p[name];
    if (v === undefined) {
      if (this._isNull) return null as V;
      throw propertyNotLoaded(this.entity, name);
    }
    return v as V;
  }

  target(dry: boolean): T | null {
    return this.locator.get(dry);
  }

  /** The target, or ItemNotFound when this is a null object or its path leads nowhere. */
  require(dry: boolean, location: string): T {
    const t = this.target(dry);
    if (t === null) throw new ExcelDoubleError("ItemNotFound", location);
    return t;
  }

  protected scalarNames(): string[] {
    return [];
  }
  protected readScalar(name: string, _target: T, _acc: SyncAccumulator): unknown {
    throw new ExcelDoubleError(
      "InvalidArgument",
      `${this.entity}.load`,
      `The property '${name}' does not exist on ${this.entity}.`,
    );
  }
  protected nav(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }
  /** Scalars a caller may load only together (a range's cell properties count once towards the cell limit). */
  protected beforeScalars(_names: string[], _target: T, _acc: SyncAccumulator): void {}

  protected queueLoad(option?: LoadOption): void {
    const paths = parseLoad(option);
    this.engine.enqueue({
      mutates: false,
      load: true,
      requestBytes: OPERATION_BYTES,
      run: (acc) => this.runLoad(paths, acc),
      cells: () => this.cellsRead(paths),
    });
  }

  /** How many cells a load of these paths reads (ranges override); a path that fails to resolve counts 0 here. */
  protected cellsRead(_paths: string[][]): number {
    return 0;
  }

  runLoad(paths: string[][], acc: SyncAccumulator): void {
    const t = this.target(acc.dry);
    if (t === null) {
      if (!acc.dry) acc.commits.push(() => this.markNull(true));
      return;
    }
    const scalars = new Set<string>();
    const navs = new Map<string, string[][]>();
    for (const path of paths) {
      if (path.length === 0) {
        for (const s of this.scalarNames()) scalars.add(s);
        continue;
      }
      const [head, ...rest] = path;
      if (this.nav(head)) {
        const list = navs.get(head) ?? [];
        list.push(rest);
        navs.set(head, list);
      } else if (rest.length > 0) {
        throw new ExcelDoubleError("InvalidArgument", `${this.entity}.load`);
      } else scalars.add(head);
    }
    const names = [...scalars];
    this.beforeScalars(names, t, acc);
    const values: Record<string, unknown> = {};
    for (const name of names) {
      const v = this.readScalar(name, t, acc);
      values[name] = v;
      acc.responseBytes += name.length + 3 + jsonSize(v);
    }
    if (!acc.dry) {
      acc.commits.push(() => {
        // null is a loaded value (Excel's "mixed"), so keep it distinct from "not loaded"
        for (const [k, v] of Object.entries(values)) this._p[k] = v === undefined ? null : v;
        this.markNull(false);
      });
    }
    for (const [name, sub] of navs) this.nav(name)!.runLoad(sub, acc);
  }

  /** Queues a change; `apply` runs at sync, in order, and throws to fail the sync there. */
  protected queueChange(requestBytes: number, apply: (target: T, acc: SyncAccumulator) => void): void {
    const op: Operation = {
      mutates: true,
      requestBytes: OPERATION_BYTES + requestBytes,
      run: (acc) => apply(this.require(acc.dry, this.entity), acc),
    };
    this.engine.enqueue(op);
  }
}

/** A collection: `items` (and `count`) are loaded; `load("items/name")` loads `name` on each item. */
export abstract class FakeCollection<T, I extends FakeObject<unknown>> extends FakeObject<T> {
  protected _items: I[] | undefined;

  protected abstract list(target: T, dry: boolean): I[];

  protected itemsLoaded(): I[] {
    if (this._items === undefined) {
      if (this._isNull) return [];
      throw propertyNotLoaded(this.entity, "items");
    }
    return this._items;
  }

  runLoad(paths: string[][], acc: SyncAccumulator): void {
    const t = this.target(acc.dry);
    if (t === null) {
      if (!acc.dry) acc.commits.push(() => this.markNull(true));
      return;
    }
    const itemPaths: string[][] = [];
    const own: string[][] = [];
    for (const p of paths) {
      if (p.length === 0 || p[0] === "items") itemPaths.push(p.slice(1));
      else own.push(p);
    }
    if (own.length) super.runLoad(own, acc);
    else if (!acc.dry) acc.commits.push(() => this.markNull(false));
    if (!itemPaths.length) return;
    const items = this.list(t, acc.dry);
    acc.responseBytes += 12;
    for (const item of items) item.runLoad(itemPaths, acc);
    if (!acc.dry) acc.commits.push(() => (this._items = items));
  }
}

/** office.js's ClientResult: `value` only after the sync. */
export class FakeClientResult<V> implements Pick<OfficeExtension.ClientResult<V>, "value"> {
  private loaded = false;
  private v: V | undefined;
  /** `cells`: how many cells the result reads, counted towards the sync's cell limit before anything runs. */
  constructor(engine: SyncEngine, compute: (dry: boolean) => V, cells?: () => number) {
    engine.enqueue({
      mutates: false,
      load: true,
      cells,
      requestBytes: OPERATION_BYTES,
      run: (acc) => {
        const v = compute(acc.dry);
        acc.responseBytes += jsonSize(v);
        if (!acc.dry)
          acc.commits.push(() => {
            this.v = v;
            this.loaded = true;
          });
      },
    });
  }
  get value(): V {
    if (!this.loaded) throw new ExcelDoubleError("ValueNotLoaded", "ClientResult.value");
    return this.v as V;
  }
}
