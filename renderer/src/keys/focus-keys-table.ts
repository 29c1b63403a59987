/** How many frames to wait for the keys table to appear after a view or server switch. */
const MAX_FRAMES = 60;

/**
 * Moves focus to the keys table once it is on screen (its cursor row is then the active one), so
 * "Show" in another view lands the keyboard on the key it showed.
 */
export function focusKeysTable(): void {
  let frames = 0;
  const attempt = () => {
    const table = document.querySelector<HTMLElement>('[data-testid="keys-table"]');
    if (table) table.focus();
    else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
