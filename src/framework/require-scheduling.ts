import type { Locale } from "../domain/locale.js";
import type { Actor } from "../domain/schedule.js";
import type { SchedulingService } from "../domain/scheduling-service.js";
import { UserError } from "./errors.js";

/** The scheduling service, or a clear "not available here" (the CLI runs without a scheduler). */
export function requireScheduling(services: { scheduling?: SchedulingService }): SchedulingService {
  if (!services.scheduling) throw new UserError("schedule.unavailable");
  return services.scheduling;
}

/** Who runs a command, as the audit log records them, and the language they read. */
export function actorOf(ctx: { user: { id: string; name: string }; locale: Locale }): Actor {
  return { id: ctx.user.id, name: ctx.user.name, locale: ctx.locale };
}
