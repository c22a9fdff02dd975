import { afterEach, beforeEach } from "vitest";
import type { SchedulingStore } from "../../src/domain/scheduling-store.js";
import { instancesContract } from "./instances.contract.js";
import { moderationContract } from "./moderation.contract.js";
import { outboxContract } from "./outbox.contract.js";
import { planningContract } from "./planning.contract.js";
import { subscriptionFiltersContract } from "./subscription-filters.contract.js";

/**
 * The contract of the SchedulingStore port (src/domain/scheduling-store.ts), written against the
 * port alone, so that every engine runs the same tests: tests/contract/sqlite.test.ts runs it on
 * SQLite; a networked engine runs it again with its own factory. Each test gets a fresh, empty
 * database; `another()` opens a second store on it, as a second process would.
 */
export interface StoreFixture {
  store: SchedulingStore;
  another(): Promise<SchedulingStore>;
  close(): Promise<void>;
}

export type OpenStore = () => Promise<StoreFixture>;

/** What each part of the contract sees: the fixture of the test being run. */
export interface ContractContext {
  readonly store: SchedulingStore;
  another(): Promise<SchedulingStore>;
}

export function schedulingStoreContract(open: OpenStore): void {
  let fixture: StoreFixture | null = null;
  const context: ContractContext = {
    get store() {
      if (!fixture) throw new Error("no store open");
      return fixture.store;
    },
    another: () => {
      if (!fixture) throw new Error("no store open");
      return fixture.another();
    },
  };
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });
  moderationContract(context);
  planningContract(context);
  outboxContract(context);
  instancesContract(context);
  subscriptionFiltersContract(context);
}
