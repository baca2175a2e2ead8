#include "web/page_style.h"

#include "absl/strings/str_cat.h"
#include "web/html_escape.h"

namespace casefile::web {
namespace {

constexpr absl::string_view kScreenAndPrint = R"css(
body { font: 15px/1.45 "DejaVu Sans", "Liberation Sans", sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 60rem; padding: 0 1rem; }
.marking { font-weight: bold; letter-spacing: .08em; color: #8b0000; text-align: center; margin: .5rem 0; }
header.case h1 { font-size: 1.5rem; margin: .3rem 0; }
.ref, .muted { color: #555; font-size: .9em; }
table.people, table.cases { border-collapse: collapse; margin: .5rem 0 1rem; }
table.people td, table.people th, table.cases td, table.cases th { border-bottom: 1px solid #ccc; padding: .2rem .6rem .2rem 0; text-align: left; }
a.button { display: inline-block; background: #00703c; color: #fff; padding: .4rem .9rem; text-decoration: none; font-weight: bold; }
svg.timeline { width: 100%; height: auto; border: 1px solid #ddd; margin: .5rem 0; }
svg.timeline .tl-label, svg.timeline .tl-year { font-size: 11px; fill: #333; }
svg.timeline .tl-row { stroke: #eee; }
svg.timeline .tl-tick { stroke: #ccc; stroke-dasharray: 2 2; }
section.measure { break-inside: avoid-page; } svg.chart { max-width: 100%; height: auto; display: block; }
.entry-group { display: flex; gap: .8rem; border-top: 1px solid #bbb; padding: .5rem 0; break-inside: avoid-page; }
.entry-group > article { flex: 1 1 0; min-width: 0; }
article.superseded { color: #555; }
article.correction { border-left: 4px solid #b9770e; padding-left: .6rem; }
.entry-head { font-weight: bold; }
.precision { font-weight: normal; color: #555; font-size: .85em; }
.kind { display: inline-block; padding: 0 .35rem; border-radius: .2rem; background: #eef; font-weight: normal; }
.kind-missing-episode { background: #f5d5d0; } .kind-referral { background: #fae0c8; }
.kind-strategy-discussion { background: #e6d6ee; } .kind-custody { background: #d4e4f1; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0; }
.record { background: #f7f7f2; border: 1px solid #dedcc8; padding: .3rem .6rem; margin: .3rem 0; }
.record-head { font-weight: bold; margin: 0 0 .2rem; }
.record dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0; }
.record dt { color: #555; } .record dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.sources { font-size: .88em; margin: .3rem 0 0 1rem; }
.documents { font-size: .9em; margin: .3rem 0; } .documents ul { margin: .1rem 0; padding-left: 1.2rem; }
.sha { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; } dl.details dd { margin: 0; }
.document-frame { width: 100%; height: 70vh; border: 1px solid #b1b4b6; }
section.appendix, section.appended-document { break-before: page; } section.appendix > p + section.appended-document { break-before: auto; }
figure.document-page { margin: .6rem 0; break-inside: avoid; } figure.document-page + figure.document-page { break-before: page; }
img.document-image { display: block; max-width: 100%; max-height: 225mm; height: auto; border: 1px solid #ccc; }
pre.document-text { white-space: pre-wrap; overflow-wrap: anywhere; font: .9em "DejaVu Sans Mono", monospace; }
.note { border-left: 4px solid #b1b4b6; padding-left: .6rem; }
.source { border-left: 2px solid #ccc; padding-left: .5rem; margin: .3rem 0; }
.source .text { font-family: "DejaVu Sans Mono", monospace; font-size: .95em; }
nav.top { display: flex; gap: 1rem; align-items: center; border-bottom: 1px solid #ccc; padding: .4rem 0; }
nav.top form { margin-left: auto; }
form.stack label { display: block; margin: .4rem 0 .1rem; }
form.stack input[type=text], form.stack input[type=password], form.stack textarea { width: 100%; max-width: 30rem; }
.error { color: #8b0000; font-weight: bold; }
.error-summary { border: 4px solid #8b0000; padding: .6rem 1rem; margin: .8rem 0; }
.error-summary h2 { margin-top: 0; } .error-summary a { color: #8b0000; font-weight: bold; }
.field-error { color: #8b0000; font-weight: bold; margin: .2rem 0; }
[aria-invalid=true] { border: 2px solid #8b0000; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.hint { color: #505050; margin: .2rem 0; }
fieldset { border: none; padding: 0; margin: .8rem 0; } legend { font-weight: bold; }
.date-input { display: block; } .date-part { display: inline-block; margin-right: .8rem; vertical-align: top; }
form.stack .date-part input[type=text] { width: auto; }
.radio { margin: .2rem 0; } .radio label, form.stack .radio label { display: inline; margin-left: .3rem; }
.notice, .panel { border-left: 6px solid #1d70b8; background: #f3f2f1; padding: .5rem .8rem; }
.entry-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.actions { display: flex; gap: 1rem; margin: .6rem 0; }
button { min-height: 2rem; padding: .2rem .8rem; }
fieldset.group { border-left: 4px solid #b1b4b6; padding-left: .8rem; } fieldset.row legend { font-weight: normal; }
.record-kinds ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
button.link { background: none; border: none; padding: 0; min-height: 0; color: #1d70b8; text-decoration: underline; cursor: pointer; font: inherit; }
form.view { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; margin: .4rem 0 .8rem; }
nav.pager { margin: .6rem 0; }
table.sides { width: 100%; table-layout: fixed; border-collapse: collapse; margin: .6rem 0; }
table.sides caption { text-align: left; font-weight: bold; }
table.sides th, table.sides td { vertical-align: top; text-align: left; border-bottom: 1px solid #ccc; padding: .3rem .6rem .3rem 0; overflow-wrap: anywhere; }
table.sides th[scope=row] { width: 9rem; }
:focus { outline: 3px solid #fd0; outline-offset: 0; }
@media print {
  nav.top, form, .no-print { display: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .marking.screen-only { display: none; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 18mm 14mm 16mm 14mm;
  @top-left { content: "OFFICIAL-SENSITIVE"; font: bold 9pt sans-serif; color: #8b0000; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; }
)css";

}  // namespace

std::string PageStyle(absl::string_view running_header) {
  return absl::StrCat(kScreenAndPrint, "  @top-right { content: ", CssString(running_header),
                      "; font: 9pt sans-serif; }\n  @bottom-right { content: \"OFFICIAL-SENSITIVE\"; font: bold 9pt sans-serif; color: #8b0000; }\n}\n");
}

}  // namespace casefile::web
