import { Dialog } from './Dialog';
import { shortcutList } from './shortcuts';
import { useStores } from './stores-context';
import './dialog.css';

/** The keyboard shortcuts, opened with `?`. */
export function HelpOverlay() {
  const { ui } = useStores();
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => ui.close()} testId="help-dialog">
      <table className="shortcut-table">
        <tbody>
          {shortcutList.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">On macOS, use Cmd where Ctrl is shown.</p>
    </Dialog>
  );
}
