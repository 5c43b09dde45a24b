// `npm run admin -- grant|revoke|disable|enable <email> | list`: the instance operator's commands.
// grant/revoke: catalog administrators. The first administrator of a production deployment is
// made here (no account is seeded with a known password there); ADMIN_EMAILS still names
// administrators by configuration. disable/enable: an account as a whole, on every team
// (disabling ends its sessions and stops its API tokens); team owners only suspend access to
// their own team.
import { createDb } from "../../lib/db";

async function main() {
  const [command, email] = process.argv.slice(2);
  const { client, handle } = createDb(process.env.DATABASE_URL);
  try {
    if (command === "list") {
      const admins = await client.user.findMany({
        where: { catalogAdmin: true },
        select: { email: true, name: true },
        orderBy: { email: "asc" },
      });
      console.log(
        admins.length
          ? admins.map((a) => `${a.email} (${a.name})`).join("\n")
          : "No administrators granted (ADMIN_EMAILS may still name some).",
      );
      return 0;
    }
    if (!["grant", "revoke", "disable", "enable"].includes(command) || !email) {
      console.error("usage: npm run admin -- grant <email> | revoke <email> | disable <email> | enable <email> | list");
      return 2;
    }
    const user = await client.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    if (!user) {
      console.error(`No account with the email ${email}: sign up first, then grant.`);
      return 1;
    }
    if (command === "disable" || command === "enable") {
      const disabled = command === "disable";
      await client.user.update({ where: { id: user.id }, data: { disabled, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) } });
      console.log(`${email} is ${disabled ? "disabled: its sessions have ended and it cannot sign in" : "enabled again"}.`);
      return 0;
    }
    await client.user.update({ where: { id: user.id }, data: { catalogAdmin: command === "grant" } });
    console.log(`${email} ${command === "grant" ? "now administers" : "no longer administers"} the price catalog.`);
    return 0;
  } finally {
    await client.$disconnect();
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
