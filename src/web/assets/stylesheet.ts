/**
 * The dashboard's stylesheet, served as /assets/dashboard.css (a file, so the CSP needs no inline
 * style). Kept as a module rather than a .css file so that it ships with the compiled code without
 * a copy step. Colours keep at least 4.5:1 contrast (axe checks it in the browser tests).
 */
export const STYLESHEET = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --line: #d5dae1; --accent: #1d4ed8;
  --bad: #a4161a; --good: #1a6b35; --paper: #ffffff; --band: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: var(--paper); }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem; }
.skip:focus { left: .5rem; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .75rem 1.25rem;
  background: var(--band); border-bottom: 1px solid var(--line); }
header .brand { font-weight: 700; margin-right: auto; color: var(--ink); text-decoration: none; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
nav a[aria-current="page"] { font-weight: 700; color: var(--ink); }
.who { color: var(--muted); }
form.inline { display: inline; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
section.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.ok { color: var(--good); }
.bad { color: var(--bad); }
.flash { border-left: 4px solid var(--good); background: #eef8f1; padding: .5rem .75rem; }
.error { border-left: 4px solid var(--bad); background: #fbeeee; padding: .5rem .75rem; }
button, .button { font: inherit; padding: .4rem .9rem; border: 1px solid var(--accent); border-radius: 4px;
  background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.quiet { background: transparent; color: var(--accent); }
label { display: block; margin: .5rem 0 .25rem; font-weight: 600; }
input, select { font: inherit; padding: .35rem .5rem; border: 1px solid #6b7480; border-radius: 4px; min-width: 16rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
code { background: var(--band); padding: 0 .25rem; border-radius: 3px; }
`;
