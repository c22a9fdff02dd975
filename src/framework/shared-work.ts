import { type Clock, systemClock, systemTimers, type Timers } from "../domain/clock.js";
import type { CoordinationStore } from "../domain/coordination.js";
import type { Logger } from "../domain/logger.js";
import { LeaseElection } from "./lease-election.js";
import { SharedPace } from "./shared-pace.js";

/**
 * What a platform adapter uses when several processes run one bot on a shared store (ADRs
 * 0102-0104), built by main.ts from the store; absent on one machine, where each adapter keeps
 * the whole budget and does everything itself.
 */
export interface SharedWork {
  /** Joins the budget `budget` of `total` requests a second; `apply` gets this process's share. */
  pace(budget: string, total: number, apply: (perSecond: number) => void): { stop(): Promise<void> };
  /** Runs for the job `name` in one process at a time; `onChange` says when this one starts or stops it. */
  elect(
    name: string,
    onChange: (held: boolean) => void,
  ): { check(): Promise<boolean>; stop(): Promise<void> };
  /** True the first time any process sees update `id` of `source` (Telegram's update_id). */
  firstSight(source: string, id: string): Promise<boolean>;
}

export interface SharedWorkOptions {
  /** This process, unique among those sharing the store. */
  member: string;
  log: Logger;
  clock?: Clock;
  timers?: Timers;
  /** A job's holder is replaced within this time when it dies (default 15 s). */
  leaseMs?: number;
  /** A budget member's renewal period is a third of this (default 6 s): see SharedPace. */
  paceTtlMs?: number;
  /** How long an update id is remembered (default one day: Telegram keeps updates 24 h). */
  keepUpdatesMs?: number;
}

export function sharedWork(store: CoordinationStore, options: SharedWorkOptions): SharedWork {
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const common = { store, clock, timers, log: options.log };
  return {
    pace(budget, total, apply) {
      const pace = new SharedPace({
        ...common,
        budget,
        total,
        member: options.member,
        ttlMs: options.paceTtlMs ?? 6_000,
        apply,
      });
      pace.start();
      return pace;
    },
    elect(name, onChange) {
      return new LeaseElection({
        ...common,
        name,
        holder: options.member,
        ttlMs: options.leaseMs ?? 15_000,
        onChange,
      });
    },
    firstSight(source, id) {
      const keepMs = options.keepUpdatesMs ?? 24 * 3_600_000;
      return store.firstSight(source, id, clock.now().toISOString(), keepMs);
    },
  };
}
