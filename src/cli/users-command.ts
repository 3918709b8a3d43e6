import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { buildDeps } from "../deps.ts";
import { createUser, disableUser } from "../services/user-service.ts";
import type { CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";

const USAGE =
  "usage: baton users add --name NAME --email EMAIL --role ae|csm|revops|admin | baton users list | baton users disable --id ID";

/** `baton users add|list|disable`: manage who may call the service. A new token is printed once and stored hashed. */
export async function runUsersCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs(rest, {
    name: { type: "string" },
    email: { type: "string" },
    role: { type: "string" },
    id: { type: "string" },
    json: { type: "boolean" },
  });
  const config = loadConfig();
  const deps = buildDeps(config);
  try {
    // Run by whoever holds the database: no actor, so no capability check and no audit entry.
    switch (action) {
      case "add": {
        if (values.name === undefined || values.email === undefined || values.role === undefined) {
          throw new AppError({ code: "INVALID_INPUT", message: USAGE });
        }
        // The same rule as POST /v1/users: the service validates name, email and role.
        const { user, token } = createUser(deps, null, { name: values.name, email: values.email, role: values.role });
        if (values.json) io.stdout(`${JSON.stringify({ ...user, token })}\n`);
        else io.stdout(`added ${user.role} ${user.name} <${user.email}> as ${user.id}\ntoken (shown once): ${token}\n`);
        return 0;
      }
      case "list":
        for (const user of deps.users.list()) io.stdout(`${user.id}  ${user.role.padEnd(6)}  ${user.name} <${user.email}>\n`);
        return 0;
      case "disable":
        if (!values.id) throw new AppError({ code: "INVALID_INPUT", message: USAGE });
        disableUser(deps, null, values.id);
        io.stdout(`disabled ${values.id}\n`);
        return 0;
      default:
        throw new AppError({ code: "INVALID_INPUT", message: USAGE });
    }
  } finally {
    try {
      deps.audit.flush();
    } finally {
      deps.db.close();
    }
  }
}
