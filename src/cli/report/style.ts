/**
 * The page's stylesheet, inline. Charts draw axes and text in `currentColor` (Plot's default), so
 * the colour scheme switches them with the page; only the page's own colours are set per scheme.
 */
export const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --rule: #d1d9e0; --panel: #f6f8fa;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #15181d; --fg: #e6e9ed; --muted: #9aa4ae; --rule: #3a424b; --panel: #1d2127; }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 32px 24px 64px; max-width: 1040px;
  background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 0; }
p { margin: 4px 0 12px; }
.lead, figcaption p, .note { color: var(--muted); }
figcaption p { font-size: 13px; margin: 2px 0 8px; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
figure { margin: 20px 0; }
figure svg { --plot-background: var(--bg); max-width: 100%; height: auto; overflow: visible; }
.nothing { padding: 16px; background: var(--panel); border-radius: 6px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 8px 24px; }
.grid figure { margin: 8px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 12px; border-bottom: 1px solid var(--rule); text-align: left; }
td { text-align: right; }
thead th { border-bottom: 2px solid var(--rule); }
tbody th { font-weight: 500; color: var(--muted); }
td sup { color: var(--muted); line-height: 0; }
thead th[data-run] { text-align: right; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.runs-legend { margin: 12px 0 0; }
details { margin: 6px 0; }
summary { cursor: pointer; }
ul.trials { columns: 2; font-size: 13px; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
`;
