import { describe, expect, it } from "vitest";
import { openPostgres } from "../../../../src/store/postgres/database.js";

describe("opening PostgreSQL", () => {
  it("GIVEN a server that refuses connections THEN the error names DATABASE_URL and the server, never the password", async () => {
    // Port 1 on the loopback: nothing listens there, so the refusal is immediate and local.
    const opening = openPostgres("postgres://newsdesk:hunter2secret@127.0.0.1:1/newsdesk", { poolSize: 1 });
    const error = await opening.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:1\/newsdesk \(DATABASE_URL\) cannot be used: .*ECONNREFUSED/,
    );
    expect(error?.message).not.toContain("hunter2secret");
  });
});
