import { useEffect, useRef, type UIEvent } from 'react';
import type { MappingProblem } from './errors';

interface Props {
  text: string;
  problems: readonly MappingProblem[];
  onChange(text: string): void;
}

/** Moves the caret to the start of a line and scrolls it into view. */
function goToLine(area: HTMLTextAreaElement, line: number): void {
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/**
 * The mapping's YAML, for experts: a plain text area with line numbers; lines with a problem are
 * marked in the margin and listed above it (each a button that goes to its line).
 */
export function YamlEditor({ text, problems, onChange }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = Math.max(1, text.split('\n').length);
  const bad = new Set(problems.map((p) => p.line).filter((l): l is number => l !== null));
  const placed = problems.filter((p) => p.line !== null || p.path === null);
  // A new problem: its line is brought into view (the keyboard stays where it is).
  const firstLine = problems.find((p) => p.line !== null)?.line ?? null;
  useEffect(() => {
    const a = area.current;
    if (!a || firstLine === null) return;
    const lineHeight = parseFloat(getComputedStyle(a).lineHeight) || 20;
    a.scrollTop = Math.max(0, (firstLine - 3) * lineHeight);
    if (gutter.current) gutter.current.scrollTop = a.scrollTop;
  }, [firstLine]);
  const onScroll = (e: UIEvent<HTMLTextAreaElement>) => {
    if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
  };
  return (
    <div className="import-yaml">
      <label htmlFor="import-yaml-text" className="import-yaml-label">
        The mapping as YAML <span className="muted small">(the form and the text are the same mapping: change either)</span>
      </label>
      {placed.length > 0 && (
        <ul className="import-line-errors" id="import-yaml-errors" data-testid="mapping-line-errors">
          {placed.map((p, i) => (
            <li key={i}>
              {p.line !== null ? (
                <button type="button" className="linklike" onClick={() => area.current && goToLine(area.current, p.line!)} data-testid={`mapping-line-error-${p.line}`}>
                  Line {p.line}
                </button>
              ) : null}{' '}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="import-yaml-box">
        <div className="import-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <div key={i} className={bad.has(i + 1) ? 'bad' : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          id="import-yaml-text"
          ref={area}
          value={text}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          onChange={(e) => onChange(e.target.value)}
          onScroll={onScroll}
          aria-invalid={problems.length > 0}
          aria-describedby={placed.length ? 'import-yaml-errors' : undefined}
          data-testid="mapping-yaml"
        />
      </div>
    </div>
  );
}
