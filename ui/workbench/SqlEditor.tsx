/**
 * CodeMirror 6 with SQL highlighting, completion of the live schema's table and
 * column names, and Ctrl/Cmd+Enter to run the statement under the cursor or the
 * selection. Loaded in the browser only; the server renders a plain textarea.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Span } from "../../lib/workbench/statement.ts";

export interface EditorHandle {
  insert(text: string): void;
  setText(text: string): void;
  select(offset: number): void;
}

export interface SqlEditorProps {
  initial: string;
  label: string;
  /** Table → column names, for completion. */
  schema: Record<string, string[]>;
  onRun(text: string, selection: Span): void;
  onChange(text: string): void;
  onReady(handle: EditorHandle): void;
}

export function SqlEditor({ initial, label, schema, onRun, onChange, onReady }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const reconfigure = useRef<(schema: Record<string, string[]>) => void>();
  const latest = useRef({ onRun, onChange });
  latest.current = { onRun, onChange };

  useEffect(() => {
    let view: import("@codemirror/view").EditorView | undefined;
    (async () => {
      const [{ basicSetup }, { EditorView, keymap }, { Compartment, Prec }, { sql, PostgreSQL }] = await Promise.all([
        import("codemirror"),
        import("@codemirror/view"),
        import("@codemirror/state"),
        import("@codemirror/lang-sql"),
      ]);
      const language = new Compartment();
      const sqlFor = (s: Record<string, string[]>) => sql({ dialect: PostgreSQL, schema: s, upperCaseKeywords: true });
      const run = (v: import("@codemirror/view").EditorView) => {
        const { from, to } = v.state.selection.main;
        latest.current.onRun(v.state.doc.toString(), { from, to });
        return true;
      };
      host.current!.replaceChildren();
      view = new EditorView({
        parent: host.current!,
        doc: initial,
        extensions: [
          Prec.highest(keymap.of([{ key: "Mod-Enter", run }])),
          basicSetup,
          language.of(sqlFor(schema)),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u) => u.docChanged && latest.current.onChange(u.state.doc.toString())),
        ],
      });
      reconfigure.current = (s) => view?.dispatch({ effects: language.reconfigure(sqlFor(s)) });
      onReady({
        insert: (text) => {
          const { from, to } = view!.state.selection.main;
          view!.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
          view!.focus();
        },
        setText: (text) => view!.dispatch({ changes: { from: 0, to: view!.state.doc.length, insert: text } }),
        select: (offset) => {
          view!.dispatch({ selection: { anchor: Math.min(offset, view!.state.doc.length) }, scrollIntoView: true });
          view!.focus();
        },
      });
    })();
    return () => view?.destroy();
  }, []);

  useEffect(() => reconfigure.current?.(schema), [schema]);

  return (
    <div class="sql-editor" ref={host}>
      <textarea aria-label={label} value={initial} readOnly />
    </div>
  );
}
