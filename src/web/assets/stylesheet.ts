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
.muted { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0 1rem; }
.scroll { overflow-x: auto; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
td { vertical-align: top; }
.state { font-weight: 600; }
.state-done, .state-active { color: var(--good); }
.state-failed, .state-dropped, .state-missed, .state-cancelled { color: var(--bad); }
.badge { font-size: .8rem; border: 1px solid var(--muted); color: var(--muted); border-radius: 3px; padding: 0 .3rem; }
.pager { display: flex; gap: 1rem; margin: 1rem 0; }
.results li { margin: .5rem 0; }
.facts dt { font-weight: 700; margin-top: .5rem; }
.facts dd { margin-left: 1rem; }
.findings li { margin: .35rem 0; }
.platform-error { font-family: ui-monospace, monospace; }
.actions .button { margin-right: 1rem; }
details { margin: .5rem 0; }
pre.source { white-space: pre-wrap; word-break: break-word; background: var(--band); padding: .75rem; max-height: 24rem; overflow: auto; }
.previews { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
figure { margin: 0; }
figcaption { font-weight: 700; margin-bottom: .35rem; }
.discord { background: #313338; color: #dbdee1; padding: .75rem; border-radius: 6px; }
.dc-message + .dc-message { margin-top: .75rem; }
.dc-text { white-space: pre-wrap; }
.dc-embed { background: #2b2d31; border-left: 4px solid #2f6fde; border-radius: 4px; padding: .5rem .75rem; margin: .35rem 0; }
.dc-title { font-weight: 700; margin: 0 0 .35rem; }
.dc-title a { color: #00a8fc; }
.dc-fields { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin-top: .5rem; }
.dc-field { flex: 1 1 100%; }
.dc-field.dc-inline { flex: 0 1 auto; }
.dc-field-name { font-weight: 700; }
.dc-footer { font-size: .8rem; color: #c4c9ce; margin-top: .5rem; }
.dc-row { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .4rem; }
.dc-button, .tg-button { display: inline-block; padding: .2rem .7rem; border-radius: 4px; font-size: .9rem; }
.dc-button { background: #4e5058; color: #ffffff; }
.telegram { background: #e7ebf0; padding: .75rem; border-radius: 6px; }
.tg-text { background: #ffffff; color: #000000; border-radius: 10px; padding: .5rem .75rem; white-space: pre-wrap; }
.tg-text a { color: #1a5fa8; }
.tg-keyboard { display: flex; flex-wrap: wrap; gap: .3rem; margin-top: .3rem; }
.tg-button { background: #46627c; color: #ffffff; flex: 1 1 auto; text-align: center; }
`;
