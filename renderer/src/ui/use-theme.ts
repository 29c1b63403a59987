import { useEffect } from 'react';
import { useStore } from './use-store';
import { useStores } from './stores-context';

/**
 * Applies the theme setting to the document (`data-theme`); "system" follows the OS through the
 * stylesheet's prefers-color-scheme query.
 */
export function useTheme() {
  const { settings } = useStores();
  const theme = useStore(settings.store, (s) => s.settings.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
