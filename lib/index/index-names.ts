/**
 * The engine's indexes for one prefix: search documents, reports, and the index-state record.
 * A rebuild writes into `<name>__build_<stamp>` indexes and swaps them in.
 */
export interface IndexNames {
  documents: string;
  reports: string;
  meta: string;
}

export function liveIndexNames(prefix: string): IndexNames {
  return { documents: `${prefix}_documents`, reports: `${prefix}_reports`, meta: `${prefix}_meta` };
}

const BUILD_MARKER = '__build_';

export function buildIndexNames(prefix: string, stamp: string): IndexNames {
  const live = liveIndexNames(prefix);
  return {
    documents: `${live.documents}${BUILD_MARKER}${stamp}`,
    reports: `${live.reports}${BUILD_MARKER}${stamp}`,
    meta: `${live.meta}${BUILD_MARKER}${stamp}`,
  };
}

/** Whether `uid` is a build index of this prefix (a leftover, when no rebuild is running). */
export function isBuildIndex(prefix: string, uid: string): boolean {
  return Object.values(liveIndexNames(prefix)).some((live) => uid.startsWith(`${live}${BUILD_MARKER}`));
}
