import { useStore } from '../ui/use-store';
import { useStores } from '../ui/stores-context';

/**
 * A row's Copy button. It reads "Copied ✓" for a moment after the key was copied (from the row,
 * the keyboard or the menu), so the click is confirmed where the eye is.
 */
export function CopyButton({
  keyId,
  label,
  title,
  tabIndex,
  onCopy,
}: {
  keyId: string;
  /** The key's name, read after the button's word ("Copy ci pipeline"). */
  label: string;
  title: string;
  tabIndex?: number;
  onCopy: (keyId: string) => void;
}) {
  const { keys } = useStores();
  const copied = useStore(keys.store, (s) => s.copied === keyId);
  return (
    <button
      type="button"
      className={
        copied ? 'button button-small copy-button copied' : 'button button-small copy-button'
      }
      title={title}
      onClick={(e) => {
        e.stopPropagation();
        onCopy(keyId);
      }}
      tabIndex={tabIndex}
      data-testid="copy"
    >
      {copied ? 'Copied ✓' : 'Copy'}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}
