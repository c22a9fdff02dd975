import type { Db } from "../database.js";
import { AnnouncementTable } from "./announcements.js";
import { AuditTable } from "./audit.js";
import { DeliveryTable } from "./deliveries.js";
import { InstanceTable } from "./instances.js";
import { ScheduleTable } from "./schedules.js";
import { SettingsTable } from "./settings.js";
import { SubscriptionTable } from "./subscriptions.js";
import { TargetTable } from "./targets.js";

/** The scheduling tables, each behind its statements; the store's units of work combine them. */
export interface SchedulingTables {
  schedules: ScheduleTable;
  deliveries: DeliveryTable;
  subscriptions: SubscriptionTable;
  settings: SettingsTable;
  targets: TargetTable;
  audit: AuditTable;
  announcements: AnnouncementTable;
  instances: InstanceTable;
}

export function schedulingTables(db: Db): SchedulingTables {
  return {
    schedules: new ScheduleTable(db),
    deliveries: new DeliveryTable(db),
    subscriptions: new SubscriptionTable(db),
    settings: new SettingsTable(db),
    targets: new TargetTable(db),
    audit: new AuditTable(db),
    announcements: new AnnouncementTable(db),
    instances: new InstanceTable(db),
  };
}
