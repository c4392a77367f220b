import { useEffect, useRef } from 'react';

interface Shortcuts {
  next(): void;
  previous(): void;
  reply(): void;
  resolve(): void;
  help(): void;
}

const KEYS: Record<string, keyof Shortcuts> = { j: 'next', k: 'previous', r: 'reply', e: 'resolve', '?': 'help' };

/** j/k next and previous conversation, r reply, e resolve, ? help; ignored while typing in a field. */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const action = KEYS[event.key];
      if (action) {
        event.preventDefault();
        latest.current[action]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="dialog"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          <div>
            <dt>
              <kbd>j</kbd> / <kbd>k</kbd>
            </dt>
            <dd>Next / previous conversation</dd>
          </div>
          <div>
            <dt>
              <kbd>r</kbd>
            </dt>
            <dd>Reply</dd>
          </div>
          <div>
            <dt>
              <kbd>e</kbd>
            </dt>
            <dd>Resolve</dd>
          </div>
          <div>
            <dt>
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </dt>
            <dd>Send the reply</dd>
          </div>
          <div>
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>This help</dd>
          </div>
        </dl>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
