/**
 * The site's `status_show`, fetched once and shared: the header's site name, the footer's
 * versions, the home page's counts and the demo banner all read it from here.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { callAction } from './api.js';

export interface SiteCounts {
  organizations: number;
  datasets: number;
  regions: number;
}

export interface SiteStatus {
  site_title: string;
  site_url: string;
  ckan_version: string;
  kendali_version: string;
  locale_default: string;
  extensions: string[];
  counts?: SiteCounts;
  demo: boolean;
}

export type StatusState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly status: SiteStatus }
  | { readonly state: 'error'; readonly error: Error };

const StatusContext = createContext<StatusState>({ state: 'loading' });

/** Counts may arrive as strings (PostgreSQL `count(*)` is a bigint); the page wants numbers. */
function normalise(status: SiteStatus): SiteStatus {
  const counts = status.counts;
  if (!counts) return status;
  const { organizations, datasets, regions } = counts;
  return { ...status, counts: { organizations: +organizations, datasets: +datasets, regions: +regions } };
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<StatusState>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    callAction<SiteStatus>('status_show', {}, { signal: controller.signal }).then(
      (status) => setValue({ state: 'ready', status: normalise(status) }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setValue({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, []);
  return <StatusContext value={value}>{children}</StatusContext>;
}

export const useStatus = (): StatusState => useContext(StatusContext);

/** The loaded status, or undefined while loading or after a failure. */
export function useSiteStatus(): SiteStatus | undefined {
  const value = useStatus();
  return value.state === 'ready' ? value.status : undefined;
}
