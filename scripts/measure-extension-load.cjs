// Times loading the desktop extension bundle in plain Node, with a stand-in for the 'vscode' module:
// reading, compiling and evaluating dist/extension.js, which VS Code counts in an extension's
// activation (inside the editor, the bundle's own clock cannot see reading and compiling).
//   npm run build && node scripts/measure-extension-load.cjs [dist/extension.js]
const Module = require('module');
const orig = Module._load;
function deep() { const f = function () { return deep(); }; return new Proxy(f, { get: (t, k) => (k === 'prototype' ? {} : k === Symbol.toPrimitive ? () => 0 : deep()), construct: () => deep() }); }
const names = 'CodeAction CodeActionKind CodeLens Diagnostic DiagnosticSeverity DiagnosticTag EventEmitter Hover LanguageStatusSeverity MarkdownString Position ProgressLocation Range Selection TextEditorRevealType ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState Uri ViewColumn WorkspaceEdit commands languages version window workspace'.split(' ');
const vscode = {}; for (const n of names) vscode[n] = n === 'TreeItem' ? class {} : n === 'EventEmitter' ? class { constructor() { this.event = () => {}; } fire() {} dispose() {} } : deep();
Module._load = function (request) { if (request === 'vscode') return vscode; return orig.apply(this, arguments); };
const t0 = performance.now();
require(require('node:path').resolve(process.argv[2] ?? 'dist/extension.js'));
console.log(`reading, compiling and evaluating the bundle: ${(performance.now() - t0).toFixed(1)} ms (evaluating alone ${(globalThis.__bulletinCheckerLoadEnd - globalThis.__bulletinCheckerLoadStart).toFixed(1)} ms)`);
