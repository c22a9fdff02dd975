import type pg from "pg";

/** Where a statement runs: the pool (a read, or a write that is a unit by itself) or a unit's client. */
export type Q = pg.Pool | pg.PoolClient;

/** A JSON parameter, serialized here so that a value JSON cannot hold fails before anything is written. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
