// Queries that a busy page runs on every view, built and compiled by Kysely once and then run with each view's
// values. Building a query (parsing references, cloning and freezing its nodes, the camel-case plugin's pass) and
// compiling it cost more in the server than SQLite takes to answer the small queries behind a page: about 1 ms of the
// manager's proposal list (docs/decisions/0046).
import { type Compilable, type CompiledQuery, createQueryId } from "kysely";
import type { Executor } from "./db.server";

/**
 * Stands in for a value while the query is built. Kysely passes any value it is given to the compiled query's
 * parameter list untouched, so the placeholder comes out in its value's place.
 */
class Placeholder {
  constructor(readonly name: string) {}
}

/** Hands the builder a named placeholder typed as the value it stands for. */
export type Param<V> = <K extends keyof V & string>(name: K) => V[K];

export interface PreparedQuery<V, R> {
  /** The query as Kysely compiles it with these values (for EXPLAIN and tests). */
  compile(values: V): CompiledQuery<R>;
  /** The rows of the query with these values, on the given database or transaction. */
  execute(executor: Executor, values: V): Promise<R[]>;
}

function compileTemplate<V, R>(build: (param: Param<V>) => Compilable<R>): CompiledQuery<R> {
  const named = new Set<string>();
  // The one cast here is the technique itself: the builder sees the value's type, the query gets a placeholder.
  const param: Param<V> = (name) => {
    named.add(name);
    return new Placeholder(name) as never;
  };
  const template = build(param).compile();
  // A value that Kysely writes into the SQL text (sql.lit, a raw identifier) would keep its placeholder forever.
  const passed = new Set(template.parameters.flatMap((value) => (value instanceof Placeholder ? [value.name] : [])));
  const lost = [...named].filter((name) => !passed.has(name));
  if (lost.length > 0) throw new Error(`Prepared query: ${lost.join(", ")} did not become a parameter of the query.`);
  return template;
}

/**
 * A query whose builder takes its values through `param`: it is built and compiled on its first run, in the dialect
 * of the process's database, and each run fills the parameters in. The builder decides the query's shape from what
 * it closes over and never from a value, which would stay the first run's; `preparedQueries` keeps one per shape.
 */
export function preparedQuery<V extends object, R>(build: (param: Param<V>) => Compilable<R>): PreparedQuery<V, R> {
  let template: CompiledQuery<R> | undefined;
  const compile = (values: V): CompiledQuery<R> => {
    template ??= compileTemplate(build);
    const { query, sql, parameters } = template;
    return {
      query,
      sql,
      queryId: createQueryId(),
      parameters: parameters.map((value) => (value instanceof Placeholder ? Reflect.get(values, value.name) : value)),
    };
  };
  return {
    compile,
    execute: async (executor, values) => (await executor.executeQuery(compile(values))).rows,
  };
}

/**
 * One prepared query per shape, for a query whose joins and conditions depend on what is asked (the filters in use,
 * the order). `shapeOf` names the shape; a query has few shapes, so all are kept.
 */
export function preparedQueries<S, V extends object, R>(
  shapeOf: (shape: S) => string,
  build: (shape: S, param: Param<V>) => Compilable<R>,
): (shape: S) => PreparedQuery<V, R> {
  const byShape = new Map<string, PreparedQuery<V, R>>();
  return (shape) => {
    const key = shapeOf(shape);
    let prepared = byShape.get(key);
    if (!prepared) {
      prepared = preparedQuery((param: Param<V>) => build(shape, param));
      byShape.set(key, prepared);
    }
    return prepared;
  };
}
