import { useState } from 'react';
import { useStore } from './use-store';
import { describeDataFile, type DataProblem } from './data-problems';
import { useStores } from './stores-context';

/** One line per damaged file: which file, where it was moved, and what started fresh. */
export function DataProblemList({ problems }: { problems: readonly DataProblem[] }) {
  return (
    <ul className="data-problems" data-testid="data-problem-list">
      {problems.map((p, i) => (
        <li key={`${i}-${p.file}`} data-testid="data-problem">
          <span className="mono">{p.file}</span> could not be read ({p.reason}).{' '}
          {p.movedTo === null ? (
            'It was left where it is and is ignored, and'
          ) : (
            <>
              It was moved to <span className="mono break">{p.movedTo}</span> and
            </>
          )}{' '}
          Rancher Keys started fresh for {describeDataFile(p.file)}.
        </li>
      ))}
    </ul>
  );
}

/**
 * Shown when main set damaged data files aside at start (`app:info` `dataProblems`), until
 * dismissed; Settings → About keeps the same list.
 */
export function DataProblemsBanner() {
  const { settings, ui } = useStores();
  const problems = useStore(settings.store, (s) => s.info?.dataProblems ?? null);
  const [dismissed, setDismissed] = useState(false);
  if (!problems || problems.length === 0 || dismissed) return null;
  const one = problems.length === 1;
  return (
    <div
      className="banner banner-warning banner-block"
      role="region"
      aria-label="Damaged data files"
      data-testid="data-problems-banner"
    >
      <div className="banner-text">
        <strong>
          {one
            ? 'A data file was damaged and has been set aside.'
            : `${problems.length} data files were damaged and have been set aside.`}
        </strong>
        <DataProblemList problems={problems} />
      </div>
      <button type="button" className="button button-small" onClick={() => ui.setView('settings')}>
        Details
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss the damaged data notice"
        onClick={() => setDismissed(true)}
      >
        ×
      </button>
    </div>
  );
}
