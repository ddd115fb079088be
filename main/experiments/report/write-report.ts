/**
 * `runs.report`: writes a run's report as one static HTML file. With `embedImages` every image is
 * a data URI inside it; otherwise the images are copied to `<name>_files/` beside it (replaced as
 * a whole on every write). Both are written to temp names and renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunReportWritten } from '../../../shared/runs.js';
import { AppFailure } from '../../../shared/result.js';
import type { Store } from '../../store/store.js';
import { correctionTrajectories } from '../correct/trajectory.js';
import { recognitionConfusion } from '../recognise/confusion.js';
import { ImageLinks } from './image-links.js';
import { DEFAULT_REPORT_LIMITS, readReportData, type ReportData, type ReportLimits } from './report-data.js';
import { reportPage, type PageSection } from './report-page.js';
import { correctSection } from './sections/correct-section.js';
import { recogniseSection } from './sections/recognise-section.js';

/** What {@link writeRunReport} takes (the `runs.report` request). */
export interface RunReportRequest {
  readonly id: string;
  readonly out: string;
  readonly embedImages: boolean;
}

/** The folder of images beside a report file: `report.html` → `report_files`. */
export function imagesFolderName(reportFile: string): string {
  return `${path.basename(reportFile, path.extname(reportFile))}_files`;
}

function kindSections(store: Store, data: ReportData, links: ImageLinks): PageSection[] {
  switch (data.run.kind) {
    case 'recognise':
      return [
        {
          id: 'recognition',
          title: 'Recognition',
          body: recogniseSection(data.metrics, recognitionConfusion(store.db, data.run.id)),
        },
      ];
    case 'correct':
      return [
        {
          id: 'correction',
          title: 'Self-correction',
          body: correctSection(data.metrics, correctionTrajectories(store.db, data.run.id), links.source),
        },
      ];
    case 'draw':
    case 'sample':
      return [];
  }
}

function writeImagesBeside(folder: string, used: ReadonlyMap<string, string>): void {
  const temp = `${folder}.partial-${randomBytes(4).toString('hex')}`;
  mkdirSync(temp, { recursive: true });
  try {
    for (const [hash, file] of used) copyFileSync(file, path.join(temp, `${hash}.png`));
    rmSync(folder, { recursive: true, force: true });
    renameSync(temp, folder);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes the report of run `request.id` to `request.out`. */
export function writeRunReport(
  store: Store,
  request: RunReportRequest,
  limits: ReportLimits = DEFAULT_REPORT_LIMITS,
): RunReportWritten {
  const file = path.resolve(request.out);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new AppFailure('conflict', `${file} is a folder; the report is one HTML file.`);
  const data = readReportData(store.db, request.id, limits);
  const folderName = request.embedImages ? null : imagesFolderName(file);
  const links = new ImageLinks(store.images, folderName);
  const markup = reportPage(data, kindSections(store, data, links), links.source, {
    filesBeside: folderName !== null,
    generatedAt: new Date().toISOString(),
  });
  mkdirSync(path.dirname(file), { recursive: true });
  if (folderName !== null) writeImagesBeside(path.join(path.dirname(file), folderName), links.used);
  const temp = `${file}.partial-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, markup);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return { file, bytes: Buffer.byteLength(markup), images: links.used.size };
}
