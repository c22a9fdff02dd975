import { clearLine, createInterface, cursorTo } from "node:readline";
import { type Persona, type Shown, type ShownButton, type Side, TryError } from "./side.js";
import { type Line, layout, run, serialize, type Terminal, wrap } from "./terminal.js";

/**
 * The interactive prompt of `npm run try:*`: lines starting with / go to the bot as the platform's
 * users type them; lines starting with : are the prompt's own (HELP below). Whatever the bot makes
 * visible is printed as it arrives, even while the person is typing (the prompt is redrawn).
 */

const HELP: [string, string][] = [
  [":mod on|off", "speak as a moderator (Discord: Manage Server; Telegram: a group admin) or a member"],
  [":lang en|fr", "the user's language (Discord locale, Telegram language_code)"],
  [":press N", "press button N of the last message with buttons"],
  [":buttons", "list the buttons of the last message with buttons again"],
  [":complete LINE", "Discord: what autocomplete offers, e.g. :complete /article article:Pak"],
  [":who", "who you are speaking as"],
  [":help", "this list"],
  [":quit", "stop the bot and the stand-in (Ctrl-C and Ctrl-D too)"],
];

const LABELS: Record<Shown["kind"], string> = {
  reply: "replied",
  "follow-up": "continued",
  edit: "edited its message",
  post: "posted",
  toast: "answered the press",
  notice: "",
};

export interface PromptOptions {
  side: Side;
  /** Where everything to show comes from: the side's output, and the bot's own log lines. */
  subscribe: (listener: (shown: Shown) => void) => void;
  term: Terminal;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal (stdin and stdout are TTYs): a live prompt; otherwise lines are echoed. */
  interactive: boolean;
  /** Lines printed before the first prompt (the banner). */
  banner: Line[];
}

/** Runs until `:quit`, Ctrl-C or the end of the input; resolves then (the caller stops everything). */
export async function runPrompt(options: PromptOptions): Promise<void> {
  const { side, term, output } = options;
  const tty = options.interactive;
  const who: Persona = { moderator: false, language: "en" };
  let lastButtons: ShownButton[] = [];
  let atPrompt = false;
  const rl = createInterface({ input: options.input, output: tty ? output : undefined, terminal: tty });
  const promptText = () => `[${who.moderator ? "moderator" : "member"}·${who.language}] › `;

  const print = (lines: Line[]) => {
    if (lines.length === 0) return;
    const text = lines.map((l) => serialize(l, term)).join("\n");
    if (tty && atPrompt) {
      clearLine(output, 0);
      cursorTo(output, 0);
    }
    output.write(`${text}\n`);
    if (tty && atPrompt) rl.prompt(true);
  };
  const say = (text: string, style = { dim: true }) => print(layout([[run(text, style)]], term.width, 2));
  const buttonLines = (buttons: ShownButton[]): Line[] => {
    const rows = new Map<number, Line>();
    buttons.forEach((button, i) => {
      const line = rows.get(button.row) ?? [];
      if (line.length > 0) line.push(run("  "));
      line.push(run(`[${i + 1}]`, { bold: true }), run(` ${button.label}`));
      rows.set(button.row, line);
    });
    return layout([...rows.values()], term.width, 2);
  };

  options.subscribe((shown) => {
    if (shown.kind === "notice") {
      return print(
        shown.lines(term.width).flatMap((l) => wrap([run("!! ", { bold: true }), ...l], term.width)),
      );
    }
    const note = shown.note ? ` · ${shown.note}` : "";
    const head: Line = [run("Newsdesk", { bold: true }), run(` ${LABELS[shown.kind]}${note}`, { dim: true })];
    if (shown.kind === "toast") {
      return print(wrap([...head, run(": "), ...(shown.lines(term.width)[0] ?? [])], term.width));
    }
    const body = layout(shown.lines(term.width - 2), term.width, 2);
    if (shown.buttons.length > 0) lastButtons = shown.buttons;
    print([[], head, ...body, ...buttonLines(shown.buttons)]);
  });

  const commands: Record<string, (rest: string) => Promise<void> | void> = {
    help: () => {
      print(
        layout(
          HELP.map(([name, what]): Line => [run(name.padEnd(16), { bold: true }), run(what)]),
          term.width,
          2,
        ),
      );
      say(
        `Type commands as ${side.platform === "discord" ? "Discord" : "Telegram"} users do: ${side.examples.join(" · ")}`,
      );
    },
    mod: (rest) => {
      if (rest === "on" || rest === "off") who.moderator = rest === "on";
      else if (rest !== "") throw new TryError(":mod on or :mod off");
      commands.who?.("");
    },
    lang: (rest) => {
      if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(rest))
        throw new TryError(":lang en or :lang fr (any language code)");
      who.language = rest;
      commands.who?.("");
    },
    who: () => {
      const rights = side.platform === "discord" ? "with Manage Server" : "an administrator of the group";
      say(`You are ${who.moderator ? `a moderator (${rights})` : "a member"}, language ${who.language}.`);
    },
    buttons: () => {
      if (lastButtons.length === 0) throw new TryError("No message with buttons yet");
      print(buttonLines(lastButtons));
    },
    press: async (rest) => {
      const button = lastButtons[Number(rest) - 1];
      if (!/^\d+$/.test(rest) || !button) {
        throw new TryError(
          lastButtons.length === 0 ? "No message with buttons yet" : `:press 1 to ${lastButtons.length}`,
        );
      }
      await button.press({ ...who });
    },
    complete: async (rest) => print([[], ...layout(await side.complete(rest, { ...who }), term.width, 2)]),
  };

  const handle = async (line: string): Promise<"quit" | undefined> => {
    if (line === "") return undefined;
    if (!tty) print([[run(promptText(), { dim: true }), run(line)]]);
    try {
      if (line.startsWith(":")) {
        const [name = "", rest = ""] = line.slice(1).split(/\s+(.*)/s);
        if (["quit", "q", "exit"].includes(name)) return "quit";
        const command = commands[name === "h" || name === "?" ? "help" : name];
        if (!command) throw new TryError(`No prompt command :${name} (:help lists them)`);
        await command(rest.trim());
      } else if (line.startsWith("/")) {
        await side.send(line, { ...who });
      } else {
        throw new TryError("Commands start with / (the bot's) or : (this prompt's; :help lists them)");
      }
    } catch (error) {
      if (error instanceof TryError) say(`! ${error.message}`, { dim: false });
      else if (/timed out/.test((error as Error).message))
        say("(no answer yet: whatever the bot sends later still shows here)");
      else say(`! ${(error as Error).message}`, { dim: false });
    }
    return undefined;
  };

  print(options.banner);
  const stop = new Promise<void>((resolve) => {
    rl.once("close", resolve);
    rl.on("SIGINT", () => rl.close());
  });
  const loop = (async () => {
    rl.setPrompt(promptText());
    if (tty) rl.prompt();
    atPrompt = true;
    for await (const raw of rl) {
      atPrompt = false;
      if ((await handle(raw.trim())) === "quit") break;
      rl.setPrompt(promptText());
      if (tty) rl.prompt();
      atPrompt = true;
    }
  })();
  await Promise.race([stop, loop]);
  atPrompt = false;
  rl.close();
}
