// @volc-openapi/api-report: the public API of every published package, reported and kept as released.
export { ApiReportError, type EntryApi, extractPackage } from './extract.ts';
export { type ApiEntry, entriesOf, type PublishedPackage, publishedPackages } from './packages.ts';
export {
  firstDifference,
  RELEASED_DIR,
  REPORT_FILE,
  releasedEntries,
  releasedFile,
  renderReport,
  staleReport,
  writeReleased,
  writeReport,
} from './report.ts';
