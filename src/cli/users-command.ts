import { RoleSchema } from "../domain/user.ts";
import { generateToken, hashToken } from "../access/tokens.ts";
import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { createUserRepository } from "../storage/user-repository.ts";
import { openDatabase } from "../storage/open-database.ts";
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
  const db = openDatabase(config.dbPath);
  try {
    const users = createUserRepository(db);
    switch (action) {
      case "add": {
        const role = RoleSchema.safeParse(values.role);
        if (!values.name?.trim() || !values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email) || !role.success) {
          throw new AppError({ code: "INVALID_INPUT", message: USAGE });
        }
        const token = generateToken();
        const user = users.add({ name: values.name.trim(), email: values.email, role: role.data, tokenHash: hashToken(token) }, new Date());
        if (values.json) io.stdout(`${JSON.stringify({ ...user, token })}\n`);
        else io.stdout(`added ${user.role} ${user.name} <${user.email}> as ${user.id}\ntoken (shown once): ${token}\n`);
        return 0;
      }
      case "list":
        for (const user of users.list()) io.stdout(`${user.id}  ${user.role.padEnd(6)}  ${user.name} <${user.email}>\n`);
        return 0;
      case "disable":
        if (!values.id) throw new AppError({ code: "INVALID_INPUT", message: USAGE });
        if (!users.disable(values.id, new Date())) throw new AppError({ code: "NOT_FOUND", message: `no active user ${values.id}` });
        io.stdout(`disabled ${values.id}\n`);
        return 0;
      default:
        throw new AppError({ code: "INVALID_INPUT", message: USAGE });
    }
  } finally {
    db.close();
  }
}
