import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { parseAppPath, pathFor, type AppRoute } from './paths';

export type Navigate = (route: AppRoute, options?: { replace?: boolean }) => void;

/**
 * The page the address names (null: no such page), and a way to go to another: a new history
 * entry (back and forward work), or in place (`replace`) when the page only settles on an address
 * it already shows. Going to the address already shown does nothing.
 */
export function useAppRoute(): { route: AppRoute | null; navigate: Navigate } {
  const [location, setLocation] = useLocation();
  const search = useSearch();
  const route = useMemo(() => parseAppPath(location, search), [location, search]);
  const navigate = useCallback<Navigate>(
    (to, options) => {
      const target = pathFor(to);
      const here = `${window.location.pathname}${window.location.search}`;
      if (target !== here) setLocation(target, { replace: options?.replace ?? false });
    },
    [setLocation],
  );
  return { route, navigate };
}
