import { createContext, useContext } from 'react';
import type { AppStores } from '../app-stores';

/** The window's stores, provided once at the root. */
export const StoresContext = createContext<AppStores | null>(null);

/** The window's stores; throws outside the provider (a programming error). */
export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores outside StoresContext');
  return stores;
}
