/**
 * lib/parse: report files → `ParsedReport` (metadata, section tree, table rows, checks,
 * warnings), one file at a time or a whole data folder, with duplicates marked across it.
 */
export { parseBlocks, parseReportFile, reportId, type ParseInput, type ParseOptions } from './parse';
export { parseFolder, listReportFiles, failureReason, type FolderResult, type FileOutcome, type ParseFailure } from './folder';
export { markDuplicates, DUPLICATE_THRESHOLD } from './duplicates';
export { ParseError } from './errors';
export { loadManifest, ManifestEntry, ManifestError, ManifestLevel } from './manifest';
export { SECTION_TEXT_MAX } from './sections';
