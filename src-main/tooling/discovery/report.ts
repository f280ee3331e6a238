// The discovery report: one self-contained HTML file (no scripts, fonts or images from anywhere)
// that an IT person reads in any browser, offline. First what to check in the draft bridge (each
// TODO with its line), then which table was taken for which entity and why, then every table
// with every column: type, how often it is empty, distinct values, range, detected formats,
// placeholders and sample values, with small inline SVG bars where a picture says it quicker.
import type { EntityName } from '../../common/model.ts';
import type { BridgeProblem } from '../../node/bridge/load-bridge.ts';
import type { Analysis, AnalysedTable } from './analyse.ts';
import type { ColumnFindings } from './detect.ts';
import type { DraftTodo } from './draft-bridge.ts';
import type { Guess } from './guess.ts';
import type { ColumnProfile, DiscoveryOptions } from './profile-types.ts';

export interface ReportInput {
  analysis: Analysis;
  guess: Guess;
  todos: DraftTodo[];
  /** Problems the bridge loader finds in the draft (there should be none). */
  problems: BridgeProblem[];
  bridgeFileName: string;
  /** Code tables read as code values, with the name they get. */
  codeTables: Array<{ table: string; name: string }>;
  source: string;
  engine: string;
  generatedAt: string;
  seconds: number;
  options: DiscoveryOptions;
}

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export const anchor = (table: string, column?: string | null) =>
  `t-${table}${column ? `-${column}` : ''}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** Lines without the indentation they share. */
function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent));
}

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (part: number, whole: number) => {
  if (whole === 0 || part === 0) return '0%';
  const p = (part / whole) * 100;
  return p < 1 ? '<1%' : `${Math.round(p)}%`;
};

/** A value as it is stored, with leading and trailing spaces made visible. */
function shown(value: string | null, max = 60): string {
  if (value === null) return '<span class="null">null</span>';
  if (value.trim() === '')
    return `<span class="blank">(blank${value.length ? `, ${value.length} spaces` : ''})</span>`;
  const lead = value.length - value.trimStart().length;
  const trail = value.length - value.trimEnd().length;
  const core = esc(value.trim().length > max ? `${value.trim().slice(0, max - 1)}…` : value.trim());
  return `<code>${'<span class="sp">·</span>'.repeat(Math.min(lead, 5))}${core}${trail ? `<span class="sp" title="${trail} trailing spaces">${'·'.repeat(Math.min(trail, 3))}${trail > 3 ? `+${trail - 3}` : ''}</span>` : ''}</code>`;
}

/** A 120-pixel bar: filled values, blank text and nulls. */
function emptinessBar(c: ColumnProfile): string {
  const rows = Math.max(c.rows, 1);
  const nulls = c.rows - c.nonNull;
  const blank = c.blank ?? 0;
  const w = (n: number) => Math.round((n / rows) * 120 * 10) / 10;
  const filled = 120 - w(nulls) - w(blank);
  const title = `${pct(c.nonNull - blank, c.rows)} filled, ${pct(blank, c.rows)} blank, ${pct(nulls, c.rows)} null`;
  return (
    `<svg class="bar" width="120" height="12" viewBox="0 0 120 12" role="img" aria-label="${title}"><title>${title}</title>` +
    `<rect x="0" y="0" width="${filled}" height="12" fill="#2b6cb0"/>` +
    `<rect x="${filled}" y="0" width="${w(blank)}" height="12" fill="#f6ad55"/>` +
    `<rect x="${filled + w(blank)}" y="0" width="${w(nulls)}" height="12" fill="#a0aec0"/></svg>`
  );
}

/** Horizontal bars of the most frequent values, placeholders in red. */
function topChart(c: ColumnProfile, f: ColumnFindings, limit = 12): string {
  const items = c.top.slice(0, limit);
  if (items.length === 0) return '';
  const max = Math.max(...items.map((i) => i.count), 1);
  const placeholders = new Set(f.placeholders.map((p) => p.value));
  const rowH = 18;
  const labelW = 130;
  const barW = 150;
  const h = items.length * rowH + 4;
  const bars = items
    .map((item, i) => {
      const y = i * rowH + 2;
      const v = item.value;
      // Blank, null and (in date columns) all-zero values are "no value": grey.
      const empty = v === null || v.trim() === '' || (!!f.date && /^0+$/.test(v.trim().replace(/\.0+$/, '')));
      const label = v === null ? 'null' : v.trim() === '' ? '(blank)' : v.trim();
      const isPlaceholder =
        v !== null && (placeholders.has(v.trim()) || placeholders.has(v.trim().slice(0, 10)));
      const width = Math.max(1, Math.round((item.count / max) * barW));
      const fill = isPlaceholder ? '#c53030' : empty ? '#a0aec0' : '#2b6cb0';
      return (
        `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end">${esc(label.length > 20 ? `${label.slice(0, 19)}…` : label)}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${width}" height="${rowH - 6}" fill="${fill}"><title>${esc(label)}: ${fmt(item.count)} rows</title></rect>` +
        `<text x="${labelW + width + 4}" y="${y + 12}">${fmt(item.count)}${isPlaceholder ? ' placeholder?' : ''}</text>`
      );
    })
    .join('');
  const w = labelW + barW + 90;
  return `<svg class="top" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px" role="img" aria-label="Most frequent values of ${esc(c.name)}">${bars}</svg>`;
}

function typeText(c: ColumnProfile): string {
  const t = c.type;
  const size = /\(/.test(t.typeName)
    ? ''
    : t.kind === 'decimal' && t.precision !== null
      ? `(${t.precision},${t.scale ?? 0})`
      : t.length !== null
        ? `(${t.length})`
        : '';
  return `${esc(t.typeName)}${size}${c.nullable === false ? ' <span class="muted">not null</span>' : ''}${c.autoIncrement ? ' <span class="muted">identity</span>' : ''}`;
}

const entityTitle: Record<EntityName, string> = {
  licenceType: 'Licence types',
  feeSchedule: 'Fee schedule',
  business: 'Businesses',
  licence: 'Licences',
  payment: 'Payments',
  inspection: 'Inspections',
  codeValue: 'Code values',
  hold: 'Holds',
  balance: 'Balances owed',
  scheduledInspection: 'Scheduled inspections',
  checklistResult: 'Checklist results',
  violation: 'Violations',
  ordinance: 'Ordinance sections',
  complaint: 'Complaints',
  enforcementCase: 'Enforcement cases',
};

function columnRow(t: AnalysedTable, c: ColumnProfile, mappedTo: string | null): string {
  const f = t.findings.get(c.name)!;
  const rows = Math.max(c.rows, 1);
  const nulls = c.rows - c.nonNull;
  const distinct =
    c.distinct === null
      ? '—'
      : `${c.distinctEstimated ? '≈' : ''}${fmt(c.distinct)}${c.rows ? ` <span class="muted">(${pct(c.distinct, rows)})</span>` : ''}`;
  const range =
    c.min === null && c.max === null
      ? '—'
      : c.min === c.max
        ? shown(c.min, 24)
        : `${shown(c.min, 24)} – ${shown(c.max, 24)}`;
  const samples = [...new Set(c.sample)]
    .slice(0, 4)
    .map((v) => `<div>${shown(v, 40)}</div>`)
    .join('');
  const interesting =
    f.codes || f.placeholders.length || f.flag || (c.distinct !== null && c.distinct <= 12 && c.distinct > 0);
  const notes = c.notes.length ? `<div class="warn">${c.notes.map(esc).join('<br>')}</div>` : '';
  return (
    `<tr id="${anchor(t.profile.qualified, c.name)}" data-column="${esc(c.name)}" data-labels="${esc(f.labels.join('|'))}">` +
    `<th scope="row"><code>${esc(c.name)}</code>${mappedTo ? `<div class="mapped">→ ${esc(mappedTo)}</div>` : ''}</th>` +
    `<td>${typeText(c)}</td>` +
    `<td>${emptinessBar(c)}<div class="small">${nulls ? `${pct(nulls, c.rows)} null` : ''}${nulls && c.blank ? ', ' : ''}${c.blank ? `${pct(c.blank, c.rows)} blank` : ''}${!nulls && !c.blank ? 'never empty' : ''}</div></td>` +
    `<td class="num">${distinct}</td>` +
    `<td>${range}</td>` +
    `<td class="detected">${f.labels.map((l) => `<span class="tag${/placeholder|not real/.test(l) ? ' bad' : ''}">${esc(l)}</span>`).join(' ')}${notes}` +
    `${interesting ? `<details><summary>Most frequent values${c.topSampled ? ' (in a sample)' : ''}</summary>${topChart(c, f)}</details>` : ''}</td>` +
    `<td class="samples">${samples}</td></tr>`
  );
}

export function renderReport(input: ReportInput): string {
  const { analysis, guess, todos } = input;
  const mapped = new Map<string, Map<string, string>>();
  for (const e of guess.entities) {
    const m = new Map<string, string>();
    for (const fg of e.fields) if (fg.column) m.set(fg.column, `${e.entity}.${fg.spec.field}`);
    mapped.set(e.table.profile.qualified, m);
  }
  const entityOf = new Map(guess.entities.map((e) => [e.table.profile.qualified, e.entity]));
  const totalRows = analysis.tables.reduce((n, t) => n + t.profile.rows, 0);
  const totalColumns = analysis.tables.reduce((n, t) => n + t.profile.columns.length, 0);

  const todoItems = todos
    .map(
      (t) =>
        `<li><a class="line" href="#${t.table ? anchor(t.table, t.column) : 'matching'}"><code>${esc(input.bridgeFileName)}:${t.line}</code></a> ` +
        `<span class="path">${esc(t.path)}</span><br>${esc(t.message)}` +
        `${t.snippet.length ? `<pre class="snippet">${esc(dedent(t.snippet).join('\n'))}</pre>` : ''}</li>`,
    )
    .join('');
  const problemItems = input.problems
    .map(
      (p) =>
        `<li><code>${esc(input.bridgeFileName)}:${p.line}:${p.column}</code> ${esc(p.path)}: ${esc(p.message)}</li>`,
    )
    .join('');

  const matching = guess.entities
    .map((e) => {
      const fields = e.fields.filter((fg) => fg.column).length;
      const missing = e.fields.filter((fg) => !fg.column).map((fg) => fg.spec.field);
      return (
        `<tr><th scope="row">${entityTitle[e.entity]} <span class="muted">(${e.entity})</span></th>` +
        `<td><a href="#${anchor(e.table.profile.qualified)}"><code>${esc(e.table.profile.qualified)}</code></a></td>` +
        `<td>${esc(e.reason)}</td><td class="num">${fields} of ${e.fields.length}</td>` +
        `<td>${missing.length ? `no column for ${missing.map((m) => `<code>${m}</code>`).join(', ')}` : 'all fields mapped'}</td></tr>`
      );
    })
    .concat(
      input.codeTables.length
        ? [
            `<tr><th scope="row">${entityTitle.codeValue} <span class="muted">(codeValue)</span></th><td>${input.codeTables
              .map((c) => `<a href="#${anchor(c.table)}"><code>${esc(c.table)}</code></a>`)
              .join(', ')}</td><td>small tables that other tables refer to (${input.codeTables
              .map((c) => `${esc(c.table)} as <code>${esc(c.name)}</code>`)
              .join(
                ', ',
              )}), read together through code-values.sql</td><td class="num">4 of 4</td><td>all fields mapped</td></tr>`,
          ]
        : [],
    )
    .concat(
      guess.missing.map(
        (e) =>
          `<tr class="missing"><th scope="row">${entityTitle[e]} <span class="muted">(${e})</span></th><td colspan="4">no table looked like it — see the TODO in the draft</td></tr>`,
      ),
    )
    .join('');

  const toc = analysis.tables
    .map((t) => {
      const e = entityOf.get(t.profile.qualified);
      return `<li><a href="#${anchor(t.profile.qualified)}"><code>${esc(t.profile.qualified)}</code></a> <span class="muted">${fmt(t.profile.rows)} rows${e ? ` · ${e}` : ''}</span></li>`;
    })
    .join('');

  const sections = analysis.tables
    .map((t) => {
      const p = t.profile;
      const e = entityOf.get(p.qualified);
      const cols = mapped.get(p.qualified) ?? new Map<string, string>();
      const refs = p.columns
        .map((c) => ({ c, r: t.findings.get(c.name)!.references }))
        .filter((x) => x.r)
        .map(
          (x) =>
            `<code>${esc(x.c.name)}</code> → <a href="#${anchor(x.r!.table)}"><code>${esc(x.r!.table)}.${esc(x.r!.column)}</code></a>`,
        );
      const contents =
        p.contents && p.contents.length
          ? `<details><summary>All ${p.contents.length} rows (a small table: codes and their meanings)</summary><table class="contents"><thead><tr>${p.columns
              .map((c) => `<th scope="col">${esc(c.name)}</th>`)
              .join('')}</tr></thead><tbody>${p.contents
              .map((r) => `<tr>${p.columns.map((c) => `<td>${shown(r[c.name] ?? null)}</td>`).join('')}</tr>`)
              .join('')}</tbody></table></details>`
          : '';
      return (
        `<section class="table" id="${anchor(p.qualified)}" data-table="${esc(p.qualified)}">` +
        `<h3><code>${esc(p.qualified)}</code>${p.type === 'view' ? ' <span class="muted">(view)</span>' : ''} ` +
        `<span class="muted">${fmt(p.rows)} rows · ${p.columns.length} columns</span>${e ? ` <span class="entity">${entityTitle[e]}</span>` : ''}</h3>` +
        `<p class="meta">Key: ${t.key.length ? t.key.map((k) => `<code>${esc(k)}</code>`).join(', ') : '<strong>none found</strong>'}` +
        ` <span class="muted">(${t.keySource === 'catalog' ? 'primary key in the catalog' : t.keySource === 'data' ? 'unique and never empty in the data; not declared' : 'no primary key declared and no unique column'})</span>` +
        `${refs.length ? ` · Refers to: ${refs.join(', ')}` : ''}</p>` +
        (p.error ? `<p class="warn">This table ${esc(p.error)}.</p>` : '') +
        `<table class="columns"><colgroup><col style="width:13%"><col style="width:10%"><col style="width:11%"><col style="width:8%"><col style="width:14%"><col style="width:26%"><col style="width:18%"></colgroup><thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Empty</th><th scope="col">Distinct</th><th scope="col">Range (min – max)</th><th scope="col">Detected</th><th scope="col">Sample values</th></tr></thead><tbody>` +
        p.columns.map((c) => columnRow(t, c, cols.get(c.name) ?? null)).join('') +
        `</tbody></table>${contents}</section>`
      );
    })
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Legacy database discovery — ${esc(input.source)}</title>
<style>
:root { color-scheme: light; --blue: #2b6cb0; --muted: #5a6473; --line: #d9dee5; --bad: #c53030; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a202c; margin: 0; background: #f7f8fa; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 60px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 0 0 4px; }
code { font: 13px/1.3 ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace; background: #f1f3f6; padding: 0 3px; border-radius: 3px; }
a { color: var(--blue); }
.muted { color: var(--muted); font-weight: normal; }
.small { font-size: 12px; color: var(--muted); }
.summary { display: flex; gap: 28px; flex-wrap: wrap; margin: 14px 0; }
.summary div { background: #edf2f7; border-radius: 6px; padding: 8px 14px; }
.summary b { display: block; font-size: 22px; }
ol.todos { padding-left: 22px; }
ol.todos li { margin: 0 0 10px; }
ol.todos .path { color: var(--muted); font-size: 13px; }
pre.snippet { font: 12.5px/1.4 ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace; background: #f7fafc; border: 1px solid var(--line); border-radius: 4px; padding: 6px 10px; margin: 4px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.ok { background: #f0fff4; border-left: 4px solid #38a169; padding: 8px 12px; }
.warn { background: #fffaf0; border-left: 4px solid #dd6b20; padding: 6px 10px; margin: 6px 0; font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { background: #edf2f7; font-size: 13px; }
table.columns { table-layout: fixed; }
table.columns td, table.columns th { overflow-wrap: anywhere; }
td.num { text-align: right; white-space: nowrap; }
section.table { margin: 28px 0; padding-top: 8px; }
.meta { margin: 0 0 8px; font-size: 14px; }
.entity { background: var(--blue); color: #fff; border-radius: 10px; padding: 1px 10px; font-size: 13px; margin-left: 6px; }
.mapped { font-size: 12px; color: #276749; margin-top: 2px; }
.tag { display: inline-block; background: #ebf4ff; color: #1e4e8c; border-radius: 4px; padding: 0 6px; margin: 1px 2px 1px 0; font-size: 12.5px; }
.tag.bad { background: #fff5f5; color: var(--bad); }
.sp { color: #c05621; }
.null, .blank { color: var(--muted); font-style: italic; font-size: 13px; }
td.samples div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; margin-bottom: 2px; }
td.samples { overflow-wrap: normal !important; }
tr.missing th, tr.missing td { color: var(--bad); }
details summary { cursor: pointer; color: var(--blue); font-size: 13px; margin-top: 4px; }
svg text { font: 11px system-ui, sans-serif; fill: #1a202c; }
svg.bar { vertical-align: middle; border: 1px solid var(--line); }
.legend span { display: inline-block; width: 12px; height: 12px; vertical-align: -1px; margin: 0 4px 0 12px; }
table.contents { width: auto; margin-top: 6px; }
table.contents td, table.contents th { padding: 3px 8px; font-size: 13px; }
ul.toc { columns: 3 220px; padding-left: 18px; }
@media print { details { display: block; } }
</style>
</head>
<body>
<main>
<h1>Legacy database discovery</h1>
<p class="muted">${esc(input.source)} · ${esc(input.engine)} · ${esc(input.generatedAt)} · profiled in ${input.seconds.toFixed(1)} s</p>
<div class="summary">
<div><b>${analysis.tables.length}</b>tables</div>
<div><b>${fmt(totalColumns)}</b>columns</div>
<div><b>${fmt(totalRows)}</b>rows</div>
<div><b>${guess.entities.length} of ${guess.entities.length + guess.missing.length}</b>entities matched</div>
<div><b>${todos.length}</b>things to check</div>
</div>

<h2 id="check">What to check in the draft bridge</h2>
<p>The draft is <code>${esc(input.bridgeFileName)}</code>, beside this report. Each item is a <code># TODO:</code> line in it: edit the lines below the TODO, delete the TODO, then run
<code>npx workbench bridge check ${esc(input.bridgeFileName)}</code> until it passes.</p>
${todos.length ? `<ol class="todos">${todoItems}</ol>` : '<p class="ok">Nothing left to decide: the draft maps every field.</p>'}
${input.problems.length ? `<div class="warn"><strong>The draft does not load yet:</strong><ul>${problemItems}</ul></div>` : '<p class="ok">The draft is a valid bridge file (checked with the same loader the desk uses).</p>'}

<h2 id="matching">Which table is which</h2>
<table class="matching"><thead><tr><th scope="col">Entity</th><th scope="col">Table</th><th scope="col">Why</th><th scope="col">Fields</th><th scope="col">Not found</th></tr></thead>
<tbody>${matching}</tbody></table>
${guess.unmapped.length ? `<p>Not matched to an entity: ${guess.unmapped.map((t) => `<a href="#${anchor(t.profile.qualified)}"><code>${esc(t.profile.qualified)}</code></a>`).join(', ')}. Code tables among them describe the codes of other columns.</p>` : ''}

<h2 id="tables">Tables and columns</h2>
<p class="legend small">Empty: <span style="background:#2b6cb0"></span>filled <span style="background:#f6ad55"></span>blank text <span style="background:#a0aec0"></span>null.
Trailing and leading spaces are shown as <span class="sp">·</span>. Detected formats come from a sample of up to ${fmt(input.options.sampleSize)} rows per table;
counts, ranges and the most frequent values from the whole table${analysis.tables.some((t) => t.profile.rows > input.options.exactUpTo) ? ` (on tables over ${fmt(input.options.exactUpTo)} rows, distinct counts marked ≈ and frequent values come from a sample of ${fmt(input.options.estimateSample)} rows)` : ''}.</p>
<ul class="toc">${toc}</ul>
${sections}
</main>
</body>
</html>
`;
}
