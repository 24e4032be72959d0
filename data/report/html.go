package report

import (
	"bytes"
	"fmt"
	"html/template"

	"scoplan/data"
)

// HTML writes one self-contained page (no scripts, no external files) with
// the overview bars and every measure with its notes, laid out for printing
// to PDF from any browser. html/template escapes every text.
func (r *Report) HTML() ([]byte, error) {
	t, err := template.New("report").Funcs(template.FuncMap{
		"L":      r.L,
		"colour": func(s data.Status) template.CSS { return template.CSS("#" + statusColours[s]) },
		"pct": func(n, all int) template.CSS {
			if all == 0 {
				return "0%"
			}
			return template.CSS(fmt.Sprintf("%.2f%%", 100*float64(n)/float64(all)))
		},
		"statuses": func() []data.Status { return data.Statuses },
		"done":     func(m map[data.Status]int) int { return m[data.StatusDone] },
		"label":    func(s data.Status) string { return r.L(StatusLabel(s)) },
	}).Parse(page)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

const page = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="scoplan">
<title>{{.Title}}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Segoe UI", Roboto, Arial, sans-serif;
  margin: 2em; color: #222; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 16pt; margin: 0 0 .3em; }
h2 { font-size: 13pt; margin: 1.5em 0 .5em; }
.meta, .notice { color: #555; font-size: 9.5pt; margin: .2em 0; }
.overview { display: grid; grid-template-columns: max-content 1fr max-content; gap: .35em .8em; align-items: center; max-width: 60em; }
.bar { display: flex; height: 1.3em; border: 1px solid #999; border-radius: 3px; overflow: hidden; background: #fff; }
.bar span { display: block; height: 100%; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.legend { display: flex; flex-wrap: wrap; gap: 1.2em; margin: .6em 0 0; font-size: 9.5pt; }
.legend i { display: inline-block; width: .9em; height: .9em; border: 1px solid #999; vertical-align: -0.1em; margin-right: .3em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #eef3f9; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.status { white-space: nowrap; font-weight: 600; padding: .05em .4em; border-radius: 3px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.conflict { color: #a40000; font-weight: 600; }
.flag { color: #a40000; white-space: nowrap; }
.source { color: #555; font-size: 9pt; margin-top: .3em; }
.notes { margin: .4em 0 0; padding: 0; list-style: none; }
.notes li { border-left: 3px solid #c9d6e6; padding-left: .5em; margin-top: .3em; white-space: pre-wrap; }
.who { color: #555; font-size: 8.5pt; }
.key { color: #777; font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; }
table.matrix { width: auto; font-size: 8pt; }
table.matrix th { writing-mode: horizontal-tb; font-weight: 600; }
table.matrix td.cell { white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.matrix tr.total td { font-weight: 600; background: #eef3f9; }
h3 { font-size: 11.5pt; margin: 1.1em 0 .3em; }
h4 { font-size: 10.5pt; margin: .7em 0 .25em; color: #333; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
td.when { white-space: nowrap; }
@page { size: A4; margin: 1.5cm; }
@media print { body { margin: 0; font-size: 10pt; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">{{L "Report made"}}: {{.Generated}}{{if .Scope}} · {{L "Search and filters"}}: {{.Scope}}{{end}} · {{L "Measures"}}: {{len .Rows}}</p>
{{if .Notice}}<p class="notice">{{.Notice}}</p>{{end}}

<h2>{{L "Overview"}}</h2>
<div class="overview">
{{with .Overview.Total}}<strong>{{L "All measures"}}</strong>
<div class="bar" role="img" aria-label="{{L "All measures"}}">{{$all := .All}}{{range statuses}}{{$n := index $.Overview.Total.ByStatus .}}{{if $n}}<span style="width: {{pct $n $all}}; background: {{colour .}}" title="{{label .}}: {{$n}}"></span>{{end}}{{end}}</div>
<span>{{done .ByStatus}} / {{.All}} {{L "done"}}</span>{{end}}
{{range .Overview.Chapters}}<span>{{.Title}}</span>
<div class="bar" role="img" aria-label="{{.Title}}">{{$c := .}}{{range statuses}}{{$n := index $c.ByStatus .}}{{if $n}}<span style="width: {{pct $n $c.All}}; background: {{colour .}}" title="{{label .}}: {{$n}}"></span>{{end}}{{end}}</div>
<span>{{done .ByStatus}} / {{.All}} {{L "done"}}</span>
{{end}}
</div>
<div class="legend">{{range statuses}}<span><i style="background: {{colour .}}"></i>{{label .}}: {{index $.Overview.Total.ByStatus .}}</span>{{end}}
<span>{{L "Overdue"}}: {{.Overview.Total.Overdue}}</span><span>{{L "Due soon"}}: {{.Overview.Total.DueSoon}}</span><span>{{L "Status conflicts"}}: {{.Overview.Total.Conflicts}}</span></div>

{{with .Changes}}<h2>{{L "What changed"}}</h2>
<p class="meta">{{L "Since"}}: {{.From}} · {{L "As of"}}: {{.AsOf}} · {{.Count}}</p>
<p class="meta">{{.FilesText}}</p>
{{if not .Chapters}}<p>{{L "No changes"}}</p>{{end}}
{{range .Chapters}}<h3>{{.Title}}</h3>
{{range .Delegations}}<h4>{{.Name}}</h4>
<table class="changes">
<thead><tr><th>{{L "When"}}</th><th>{{L "Who"}}</th><th>{{L "ID"}}</th><th>{{L "What"}}</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td class="when">{{.Time}}</td><td>{{.Who}}{{if .Key}} <span class="key">[{{L "key"}} {{.ShortKey}}]</span>{{end}}</td><td>{{.Measure}}</td><td>{{if eq .Kind "status"}}{{L "Status"}}: {{label .Previous}} → <span class="status" style="background: {{colour .Status}}">{{label .Status}}</span>{{else if eq .Kind "note-add"}}{{L "Note added"}}: {{.Text}}{{else if eq .Kind "note-edit"}}{{L "Note edited"}}: {{.Text}}{{else if eq .Kind "note-delete"}}{{L "Note deleted"}}{{if .Text}}: {{.Text}}{{end}}{{end}}</td></tr>
{{end}}</tbody>
</table>
{{end}}{{end}}{{end}}
{{if .Delegations}}<h2>{{L "Matrix"}}</h2>
<table class="matrix">
<thead><tr><th>{{L "ID"}}</th>{{range .Delegations}}<th title="{{.Name}}">{{.Name}}</th>{{end}}</tr></thead>
<tbody>
{{range $row := .Rows}}<tr><td title="{{$row.Text}}">{{$row.ID}}</td>{{range $.Delegations}}{{$c := $.Cell $row .Key}}<td class="cell" style="background: {{colour $c.Status}}">{{$c.StatusText}}{{if $c.Conflict}} <span class="conflict">!</span>{{end}}</td>{{end}}</tr>
{{end}}<tr class="total"><td>{{L "Done"}}</td>{{range .Delegations}}<td>{{.Done}}</td>{{end}}</tr>
</tbody>
</table>
{{end}}
<h2>{{L "Measures"}}</h2>
<table>
<thead><tr><th>{{L "ID"}}</th><th>{{L "Measure"}}</th><th>{{L "Deadline"}}</th><th>{{L "Responsible bodies"}}</th><th>{{L "Status"}}</th></tr></thead>
<tbody>
{{range .Rows}}<tr>
<td>{{.ID}}</td>
<td>{{.Text}}{{if $.Source}}<div class="source" lang="zh">{{.SourceText}}</div>{{end}}
{{if .Notes}}<ul class="notes">{{range .Notes}}<li><span class="who">{{.Author}}{{if .Delegation}} ({{.Delegation}}){{end}}{{if .Key}} <span class="key">[{{L "key"}} {{.ShortKey}}]</span>{{end}}, {{.Created}}{{if .Edited}} · {{L "edited"}} {{.Edited}}{{end}}</span>
{{.Text}}</li>{{end}}</ul>{{end}}</td>
<td>{{.Deadline}}{{if .Due}}<br><span class="who">{{.Due}}</span>{{end}}{{if .Overdue}}<br><span class="flag">{{L "Overdue"}}</span>{{else if .DueSoon}}<br><span class="flag">{{L "Due soon"}}</span>{{end}}</td>
<td>{{.Bodies}}</td>
<td><span class="status" style="background: {{colour .Status}}">{{.StatusText}}</span>{{if .Conflict}}<div class="conflict">{{L "Status conflict"}}: {{.Competing}}</div>{{else if .SetBy}}<div class="who">{{.SetBy}}</div>{{end}}</td>
</tr>
{{end}}</tbody>
</table>
</body>
</html>
`
